/// Walks a PubMed/MEDLINE XML file and hands over each record at its end tag.
///
/// Outside records every element is entered, so any wrapper around the records works
/// (`PubmedArticleSet`, `MedlineCitationSet`, `PubmedBookArticleSet`, an E-utilities set or a
/// bare record as root). Inside a record the walk is recursive descent over the DTD's
/// structure: each reader method handles the children it knows and skips all others with their
/// subtrees, so PMIDs and DOIs of `CommentsCorrections` or a `ReferenceList` are never taken
/// for the record's own, and investigators or editors are never taken for authors.
///
/// A class rather than a struct so that unoptimised builds do not copy the walker's state on
/// every call.
final class PubMedRecordReader {
    private let reader: XMLStreamReader
    /// Set after a subtree skip: the reader already stands on the next unread node.
    private var pending = false
    private var fields = PubMedRecordFields(line: 0)

    init(reader: XMLStreamReader) {
        self.reader = reader
    }

    /// Reads the whole file, calling `handle` once per record and per `DeleteCitation`.
    func run(_ handle: (ParseEvent) throws -> Void) throws {
        while try reader.read() {
            guard reader.isElementStart else { continue }
            let element = reader.pubMedElement
            switch element {
            case .pubmedArticle, .pubmedBookArticle, .medlineCitation:
                fields = PubMedRecordFields(line: reader.elementLine)
                switch element {
                case .pubmedArticle: try readPubmedArticle()
                case .pubmedBookArticle: try readPubmedBookArticle()
                default: try readMedlineCitation()
                }
                switch fields.makeRecord(path: reader.path) {
                case .success(let record): try handle(.record(record))
                case .failure(let problem): try handle(.skipped(line: problem.line, reason: problem.reason))
                }
            case .deleteCitation:
                let pmids = try readDeleteCitation()
                if !pmids.isEmpty { try handle(.delete(pmids: pmids)) }
            default:
                continue
            }
        }
    }

    // MARK: - Walking

    /// The depth of the current element when it has children to read, nil for `<x/>`.
    private func open() -> Int32? {
        reader.isEmptyElement ? nil : reader.rawDepth
    }

    /// The next child element of the element at `parentDepth`, or nil on that element's end
    /// tag. Callers must consume each child (read it, descend into it, or `skip()` it).
    private func nextChild(of parentDepth: Int32) throws -> PubMedElement? {
        while true {
            if pending {
                pending = false
            } else if try !reader.read() {
                throw reader.malformed("the document ends inside a PubMed record")
            }
            if reader.isElementStart {
                if reader.rawDepth == parentDepth + 1 { return reader.pubMedElement }
            } else if reader.isElementEnd, reader.rawDepth == parentDepth {
                return nil
            }
        }
    }

    /// Skips the current element with its subtree.
    private func skip() throws {
        guard try reader.skipSubtree() else {
            throw reader.malformed("the document ends inside a PubMed record")
        }
        pending = true
    }

    private func text() throws -> String { try reader.readLeafText() }
    private func prose() throws -> String { try reader.readProse() }

    // MARK: - Records

    private func readPubmedArticle() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .medlineCitation: try readMedlineCitation()
            case .pubmedData: try readPubmedData()
            default: try skip()
            }
        }
    }

    private func readMedlineCitation() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .pmid: try readPMID()
            case .article: try readArticle()
            case .medlineJournalInfo: try readMedlineJournalInfo()
            case .meshHeadingList: try readMeshHeadingList()
            case .keywordList: try readKeywordList()
            default: try skip()
            }
        }
    }

    private func readPubmedData() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .articleIdList: try readArticleIdList()
            case .referenceList: try readReferenceList()
            default: try skip()
            }
        }
    }

    private func readPubmedBookArticle() throws {
        fields.isBook = true
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .bookDocument: try readBookDocument()
            case .pubmedBookData: try readPubmedData()
            default: try skip()
            }
        }
    }

    private func readBookDocument() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .pmid: try readPMID()
            case .articleIdList: try readArticleIdList()
            case .book: try readBook()
            case .articleTitle: fields.articleTitle = try prose()
            case .vernacularTitle: fields.vernacularTitle = try prose()
            case .pagination: try readPagination()
            case .eLocationID: try readELocationID()
            case .language: try readLanguage()
            case .authorList: try readAuthorList()
            case .publicationType: fields.publicationTypes.append(try text())
            case .abstract: try readAbstract()
            case .keywordList: try readKeywordList()
            case .referenceList: try readReferenceList()
            default: try skip()
            }
        }
    }

    private func readBook() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .bookTitle: fields.bookTitle = try prose()
            case .pubDate: try readPubDate()
            case .authorList: try readAuthorList()
            case .eLocationID: try readELocationID()
            default: try skip()
            }
        }
    }

    private func readDeleteCitation() throws -> [String] {
        guard let depth = open() else { return [] }
        var pmids: [String] = []
        while let child = try nextChild(of: depth) {
            if child == .pmid {
                let pmid = try text()
                if !pmid.isEmpty { pmids.append(pmid) }
            } else {
                try skip()
            }
        }
        return pmids
    }

    // MARK: - Article

    private func readArticle() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .journal: try readJournal()
            case .articleTitle: fields.articleTitle = try prose()
            case .vernacularTitle: fields.vernacularTitle = try prose()
            case .pagination: try readPagination()
            case .eLocationID: try readELocationID()
            case .abstract: try readAbstract()
            case .authorList: try readAuthorList()
            case .language: try readLanguage()
            case .publicationTypeList: try readPublicationTypeList()
            default: try skip()
            }
        }
    }

    private func readJournal() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .journalIssue: try readJournalIssue()
            case .title: fields.journal = try prose()
            case .isoAbbreviation: fields.isoAbbreviation = try text()
            default: try skip()
            }
        }
    }

    private func readJournalIssue() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .volume: fields.volume = try text()
            case .issue: fields.issue = try text()
            case .pubDate: try readPubDate()
            default: try skip()
            }
        }
    }

    /// The year of the first `PubDate` (the journal issue's, or the book's): `Year`, or the
    /// first four-digit year of a free-text `MedlineDate`.
    private func readPubDate() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .year, .medlineDate:
                let year = PubMedRecordFields.firstYear(in: try text())
                if fields.year == nil { fields.year = year }
            default: try skip()
            }
        }
    }

    private func readPagination() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .medlinePgn: fields.medlinePages = try text()
            case .startPage: fields.startPage = try text()
            case .endPage: fields.endPage = try text()
            default: try skip()
            }
        }
    }

    private func readELocationID() throws {
        if fields.eLocationDOI == nil, reader.attribute("EIdType", is: "doi") {
            fields.eLocationDOI = try text()
        } else {
            try skip()
        }
    }

    private func readLanguage() throws {
        let language = try text()
        if fields.language == nil { fields.language = language }
    }

    /// Each `AbstractText` becomes one block, its `Label` (as written) the section.
    /// `CopyrightInformation` is left out; `OtherAbstract` is never entered.
    private func readAbstract() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            guard child == .abstractText else {
                try skip()
                continue
            }
            let label = reader.attribute("Label") ?? ""
            let text = try prose()
            if !text.isEmpty {
                fields.abstractBlocks.append(
                    TextBlock(kind: .abstract, section: XMLStreamReader.collapsingWhitespace(label), text: text))
            }
        }
    }

    /// Authors of the article or chapter; an editors' list (a book's) is skipped.
    private func readAuthorList() throws {
        if reader.attribute("Type", is: "editors") {
            try skip()
            return
        }
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            if child == .author {
                try readAuthor()
            } else {
                try skip()
            }
        }
    }

    private func readAuthor() throws {
        guard let depth = open() else { return }
        var lastName = ""
        var foreName = ""
        var initials = ""
        var collective = ""
        while let child = try nextChild(of: depth) {
            switch child {
            case .lastName: lastName = try text()
            case .foreName: foreName = try text()
            case .initials: initials = try text()
            case .collectiveName: collective = try prose()
            default: try skip()
            }
        }
        if !lastName.isEmpty {
            fields.authors.append(
                Author(
                    family: lastName, given: foreName.isEmpty ? nil : foreName,
                    initials: initials.isEmpty ? nil : initials))
        } else if !collective.isEmpty {
            fields.authors.append(.group(collective))
        }
    }

    private func readPublicationTypeList() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            if child == .publicationType {
                let type = try text()
                if !type.isEmpty { fields.publicationTypes.append(type) }
            } else {
                try skip()
            }
        }
    }

    // MARK: - Citation metadata

    private func readPMID() throws {
        let pmid = try text()
        if fields.pmid == nil { fields.pmid = pmid }
    }

    private func readMedlineJournalInfo() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            if child == .medlineTA {
                fields.medlineTA = try text()
            } else {
                try skip()
            }
        }
    }

    private func readMeshHeadingList() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            guard child == .meshHeading, let headingDepth = open() else {
                try skip()
                continue
            }
            while let part = try nextChild(of: headingDepth) {
                if part == .descriptorName {
                    let name = try text()
                    if !name.isEmpty { fields.meshHeadings.append(name) }
                } else {
                    try skip()
                }
            }
        }
    }

    private func readKeywordList() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            if child == .keyword {
                let keyword = try prose()
                if !keyword.isEmpty { fields.keywords.append(keyword) }
            } else {
                try skip()
            }
        }
    }

    /// The record's own ids: the first DOI and PMC id.
    private func readArticleIdList() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            guard child == .articleId else {
                try skip()
                continue
            }
            if fields.articleIdDOI == nil, reader.attribute("IdType", is: "doi") {
                fields.articleIdDOI = try text()
            } else if fields.pmcid == nil, reader.attribute("IdType", is: "pmc") {
                fields.pmcid = try text()
            } else {
                try skip()
            }
        }
    }

    /// Citation strings of the reference list (nested lists included); the cited works'
    /// own id lists are skipped.
    private func readReferenceList() throws {
        guard let depth = open() else { return }
        while let child = try nextChild(of: depth) {
            switch child {
            case .referenceList:
                try readReferenceList()
            case .reference:
                guard let referenceDepth = open() else { continue }
                while let part = try nextChild(of: referenceDepth) {
                    if part == .citation {
                        let citation = try prose()
                        if !citation.isEmpty { fields.references.append(citation) }
                    } else {
                        try skip()
                    }
                }
            default:
                try skip()
            }
        }
    }
}
