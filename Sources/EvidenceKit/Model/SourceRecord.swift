/// One paper as read from one file: its bibliographic metadata and its text.
///
/// This is what every parser produces. It carries no database identity: the corpus decides
/// whether a record is a new source or another copy of one it has (by PMID, DOI, PMCID or
/// normalised title and year).
public struct SourceRecord: Hashable, Codable, Sendable {
    public var format: SourceFormat
    public var pmid: String?
    public var pmcid: String?
    /// The DOI as written, without a resolver prefix (`10.1136/bmjqs-2015-004453`).
    public var doi: String?
    public var title: String
    public var authors: [Author]
    /// The source lists only its first authors and then "et al.", so citations must say so.
    public var authorListIncomplete: Bool
    public var journal: String?
    public var journalAbbreviation: String?
    public var year: Int?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    /// ISO 639-2 code as the source gives it (`eng`), when known.
    public var language: String?
    public var publicationTypes: [String]
    public var meshHeadings: [String]
    public var keywords: [String]
    public var licence: String?
    /// Title, abstract, body paragraphs and captions in reading order.
    public var blocks: [TextBlock]
    /// The reference list as citation strings; kept with the source, never tagged.
    public var references: [String]

    public init(
        format: SourceFormat, pmid: String? = nil, pmcid: String? = nil, doi: String? = nil,
        title: String, authors: [Author] = [], authorListIncomplete: Bool = false, journal: String? = nil,
        journalAbbreviation: String? = nil, year: Int? = nil, volume: String? = nil,
        issue: String? = nil, pages: String? = nil, language: String? = nil,
        publicationTypes: [String] = [], meshHeadings: [String] = [], keywords: [String] = [],
        licence: String? = nil, blocks: [TextBlock] = [], references: [String] = []
    ) {
        self.format = format
        self.pmid = pmid
        self.pmcid = pmcid
        self.doi = doi
        self.title = title
        self.authors = authors
        self.authorListIncomplete = authorListIncomplete
        self.journal = journal
        self.journalAbbreviation = journalAbbreviation
        self.year = year
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.language = language
        self.publicationTypes = publicationTypes
        self.meshHeadings = meshHeadings
        self.keywords = keywords
        self.licence = licence
        self.blocks = blocks
        self.references = references
    }
}
