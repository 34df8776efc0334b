/// The fields of a source in `evidence sources --format jsonl`, in the shape other tools
/// (scripts, spreadsheets, reference managers) expect.
public struct SourceListing: Codable, Equatable, Sendable {
    public var id: Int64
    public var pmid: String?
    public var pmcid: String?
    public var doi: String?
    public var title: String
    /// "Family Initials" for people, the whole name for group authors.
    public var authors: [String]
    public var journal: String?
    public var year: Int?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var files: [String]
    public var passages: Int

    public init(_ source: StoredSource) {
        let metadata = source.metadata
        id = source.id
        pmid = metadata.pmid
        pmcid = metadata.pmcid
        doi = metadata.doi
        title = metadata.title
        authors = metadata.authors.map(\.display)
        journal = metadata.journal
        year = metadata.year
        volume = metadata.volume
        issue = metadata.issue
        pages = metadata.pages
        files = source.files
        passages = source.passageCount
    }
}
