/// A source as reports cite it: the corpus's stable id and the bibliographic fields that
/// citation styles need, without the text.
///
/// Reports are built from values, not from the database, so that every citation format can
/// be tested without a corpus; the store fills these from its `source` rows.
public struct EvidenceSource: Hashable, Codable, Sendable {
    /// The corpus's id of the source; passages refer to it.
    public var id: Int64
    public var authors: [Author]
    /// Whether the source lists only some of its authors (PubMed `CompleteYN="N"`, a page
    /// showing "et al."): citations then end the list with "et al." whatever its length.
    public var authorsIncomplete: Bool
    public var title: String
    public var journal: String?
    public var journalAbbreviation: String?
    public var year: Int?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var doi: String?
    public var pmid: String?
    public var pmcid: String?

    public init(
        id: Int64, authors: [Author] = [], authorsIncomplete: Bool = false, title: String,
        journal: String? = nil, journalAbbreviation: String? = nil, year: Int? = nil,
        volume: String? = nil, issue: String? = nil, pages: String? = nil,
        doi: String? = nil, pmid: String? = nil, pmcid: String? = nil
    ) {
        self.id = id
        self.authors = authors
        self.authorsIncomplete = authorsIncomplete
        self.title = title
        self.journal = journal
        self.journalAbbreviation = journalAbbreviation
        self.year = year
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.doi = doi
        self.pmid = pmid
        self.pmcid = pmcid
    }

    /// The citable part of a parsed record, under the id the corpus gave it.
    public init(id: Int64, record: SourceRecord) {
        self.init(
            id: id, authors: record.authors, authorsIncomplete: record.authorListIncomplete, title: record.title, journal: record.journal,
            journalAbbreviation: record.journalAbbreviation, year: record.year,
            volume: record.volume, issue: record.issue, pages: record.pages,
            doi: record.doi, pmid: record.pmid, pmcid: record.pmcid)
    }
}
