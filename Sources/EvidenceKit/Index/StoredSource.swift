/// A source as the corpus holds it: its id, merged metadata, the files it came from and
/// how many passages it has.
public struct StoredSource: Equatable, Sendable {
    public var id: Int64
    /// Bibliographic metadata; `blocks` and `references` are empty here.
    public var metadata: SourceRecord
    public var files: [String]
    public var passageCount: Int
}

/// A stored passage with its corpus identity.
public struct StoredPassage: Equatable, Sendable {
    public var id: Int64
    public var sourceID: Int64
    public var passage: Passage
}

/// Counts that describe a corpus.
public struct CorpusStatistics: Codable, Equatable, Sendable {
    public var sources: Int
    public var sourcesByFormat: [String: Int]
    public var sourcesByYear: [String: Int]
    public var paragraphs: Int
    public var passages: Int
    public var passagesByKind: [String: Int]
    public var references: Int
    public var taggedPassages: Int
    public var files: Int
    public var databaseBytes: Int64
}
