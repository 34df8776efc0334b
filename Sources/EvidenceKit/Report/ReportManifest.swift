import Foundation

/// What a report was made from, written as `manifest.json` beside it so that the same
/// report can be made again: the tool's version, the codebook and its hash, the corpus and
/// its counts, and when.
public struct ReportManifest: Codable, Equatable, Sendable {
    public struct Codebook: Codable, Equatable, Sendable {
        /// The codebook file, or "built-in default".
        public var source: String
        public var hash: String

        public init(source: String, hash: String) {
            self.source = source
            self.hash = hash
        }
    }

    public struct Corpus: Codable, Equatable, Sendable {
        public var path: String
        public var sources: Int
        public var passages: Int
        public var taggedPassages: Int
        public var sourcesInReport: Int
        public var passagesInReport: Int

        public init(path: String, sources: Int, passages: Int, taggedPassages: Int, sourcesInReport: Int, passagesInReport: Int) {
            self.path = path
            self.sources = sources
            self.passages = passages
            self.taggedPassages = taggedPassages
            self.sourcesInReport = sourcesInReport
            self.passagesInReport = passagesInReport
        }
    }

    public var tool = "evidence"
    public var version = EvidenceKit.version
    /// ISO 8601, UTC.
    public var createdAt: String
    public var codebook: Codebook
    public var corpus: Corpus
    /// The paths given to `evidence report`, if any were ingested.
    public var inputs: [String]
    public var citationStyle: String
    public var mapBy: String
    public var files: [String]

    public init(
        createdAt: Date, codebook: Codebook, corpus: Corpus, inputs: [String], citationStyle: CitationStyle,
        mapBy: MapDimension, files: [String]
    ) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.createdAt = formatter.string(from: createdAt)
        self.codebook = codebook
        self.corpus = corpus
        self.inputs = inputs
        self.citationStyle = citationStyle.rawValue
        self.mapBy = mapBy.rawValue
        self.files = files
    }
}
