/// What the parser has collected of one PubMed record so far. Fields arrive in document
/// order, but some choices need the whole record (a DOI from `ArticleIdList` wins over one
/// from `ELocationID`, which comes earlier), so the record is assembled at its end tag.
struct PubMedRecordFields {
    /// Line where the record starts, for errors about the record as a whole.
    var line: Int
    var isBook = false

    var pmid: String?
    var articleTitle: String?
    var bookTitle: String?
    /// The title in the original language; used only when the English title is empty, as in
    /// NLM's own sample file, where some Dutch records have `<ArticleTitle/>`.
    var vernacularTitle: String?
    var authors: [Author] = []
    var journal: String?
    var isoAbbreviation: String?
    var medlineTA: String?
    var year: Int?
    var volume: String?
    var issue: String?
    var medlinePages: String?
    var startPage: String?
    var endPage: String?
    var language: String?
    /// DOI from `PubmedData`/`ArticleIdList` (or a book's id lists).
    var articleIdDOI: String?
    /// DOI from `ELocationID`, used when the id list has none.
    var eLocationDOI: String?
    var pmcid: String?
    var publicationTypes: [String] = []
    var meshHeadings: [String] = []
    var keywords: [String] = []
    var references: [String] = []
    var abstractBlocks: [TextBlock] = []

    init(line: Int) {
        self.line = line
    }

    /// The finished record, or why it cannot be one: a record without the PMID or the title
    /// that identify it is skipped (and reported) rather than failing the whole file.
    func makeRecord(path: String) -> Result<SourceRecord, RecordProblem> {
        guard let pmid = pmid.nonEmpty else {
            return .failure(RecordProblem(line: line, reason: "the PubMed record starting on this line has no PMID"))
        }
        let bookTitle = self.bookTitle.nonEmpty
        let articleTitle = self.articleTitle.nonEmpty
        guard let title = articleTitle ?? bookTitle ?? vernacularTitle.nonEmpty else {
            return .failure(
                RecordProblem(
                    line: line, reason: "PubMed record \(pmid) has no title (ArticleTitle, BookTitle or VernacularTitle)"))
        }
        let pages =
            medlinePages.nonEmpty
            ?? startPage.nonEmpty.map { start in endPage.nonEmpty.map { "\(start)-\($0)" } ?? start }
        return .success(SourceRecord(
            format: .pubmedXML, pmid: pmid, pmcid: pmcid.nonEmpty,
            doi: articleIdDOI.nonEmpty ?? eLocationDOI.nonEmpty,
            title: title, authors: authors,
            journal: isBook ? (articleTitle == nil ? nil : bookTitle) : journal.nonEmpty,
            journalAbbreviation: isoAbbreviation.nonEmpty ?? medlineTA.nonEmpty,
            year: year, volume: volume.nonEmpty, issue: issue.nonEmpty, pages: pages,
            language: language.nonEmpty, publicationTypes: publicationTypes,
            meshHeadings: meshHeadings, keywords: keywords,
            blocks: [TextBlock(kind: .title, text: title)] + abstractBlocks,
            references: references))
    }

    /// The first run of exactly four ASCII digits in `text`: 1998 in "1998 Dec-1999 Jan".
    static func firstYear(in text: String) -> Int? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                value = digits < 4 ? value * 10 + Int(byte - 0x30) : value
                digits += 1
            } else {
                if digits == 4 { return value }
                value = 0
                digits = 0
            }
        }
        return digits == 4 ? value : nil
    }
}

extension Optional where Wrapped == String {
    /// The string when it is present and not empty.
    fileprivate var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: return text
        default: return nil
        }
    }
}
