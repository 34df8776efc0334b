/// The closing account of an ingest: what was read, what changed, what failed and why.
public struct IngestSummary: Codable, Equatable, Sendable {
    /// A file that could not be ingested; nothing of it was stored.
    public struct Failure: Codable, Equatable, Sendable {
        public var path: String
        public var line: Int?
        public var reason: String
        public var message: String
    }

    /// A file that was passed over because it is in no format `evidence` reads.
    public struct Skip: Codable, Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    public var files = 0
    public var records = 0
    public var newSources = 0
    public var updatedSources = 0
    public var unchangedSources = 0
    public var deletedSources = 0
    public var passages = 0
    public var taggedPassages = 0
    public var bytes = 0
    public var seconds = 0.0
    public var failures: [Failure] = []
    /// Records left out of files that were otherwise stored, with their line and reason.
    public var skippedRecords: [Failure] = []
    public var skipped: [Skip] = []

    public init() {}

    /// Whether every file that was tried was stored.
    public var succeeded: Bool { failures.isEmpty }
}
