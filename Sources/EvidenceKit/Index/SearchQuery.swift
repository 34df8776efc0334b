/// What a researcher asks of `evidence search`: words (SQLite FTS5 syntax: `"phrase"`,
/// `manag*`, `AND`/`OR`/`NOT`) and filters that must all hold for a passage.
public struct SearchQuery: Equatable, Sendable {
    public var words: String?
    /// Every listed factor must be tagged on the passage.
    public var factors: [String] = []
    /// Every listed actor must be tagged on the passage.
    public var actors: [String] = []
    /// `barrier` or `facilitator`.
    public var direction: String?
    /// A case-insensitive part of the section name (`results` matches `RESULTS` and `Results > Survey`).
    public var section: String?
    public var years: ClosedRange<Int>?
    public var sourceID: Int64?
    public var limit: Int?

    public init(
        words: String? = nil, factors: [String] = [], actors: [String] = [], direction: String? = nil,
        section: String? = nil, years: ClosedRange<Int>? = nil, sourceID: Int64? = nil, limit: Int? = nil
    ) {
        self.words = words
        self.factors = factors
        self.actors = actors
        self.direction = direction
        self.section = section
        self.years = years
        self.sourceID = sourceID
        self.limit = limit
    }

    /// Parses a year filter: `2016` or `2010-2016`.
    public static func parseYears(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
        guard (1...2).contains(parts.count), let first = Int(parts[0]) else { return nil }
        guard parts.count == 2 else { return first...first }
        guard let last = Int(parts[1]), first <= last else { return nil }
        return first...last
    }
}

/// A passage found by a search or selected for a report, with its source and labels.
public struct EvidencePassage: Equatable, Sendable {
    public var passageID: Int64
    public var source: StoredSource
    public var passage: Passage
    public var tags: PassageTags
    /// bm25 relevance (higher is better) when words were searched; 0 otherwise.
    public var score: Double
    /// Ranges (Unicode-scalar offsets into the passage text) of the words that matched.
    public var highlights: [Range<Int>]
}

/// Errors in what the researcher asked for.
public enum SearchError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidWords(String, reason: String)

    public var description: String {
        switch self {
        case .invalidWords(let words, let reason):
            return "cannot search for \(words): \(reason). Use words, \"a phrase\", prefix* and AND / OR / NOT in capitals."
        }
    }
}
