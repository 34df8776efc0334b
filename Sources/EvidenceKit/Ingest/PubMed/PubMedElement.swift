/// The PubMed/MEDLINE elements the parser looks at, named as in NLM's DTD. Every other
/// element inside a record is skipped with its subtree.
enum PubMedElement: String, CaseIterable {
    /// An element the parser does not read (wrappers outside records, skipped data inside).
    case other = ""

    // Records and their parts.
    case pubmedArticle = "PubmedArticle"
    case pubmedBookArticle = "PubmedBookArticle"
    case medlineCitation = "MedlineCitation"
    case deleteCitation = "DeleteCitation"
    case bookDocument = "BookDocument"
    case pubmedData = "PubmedData"
    case pubmedBookData = "PubmedBookData"

    // Containers.
    case article = "Article"
    case journal = "Journal"
    case journalIssue = "JournalIssue"
    case pubDate = "PubDate"
    case pagination = "Pagination"
    case abstract = "Abstract"
    case authorList = "AuthorList"
    case author = "Author"
    case publicationTypeList = "PublicationTypeList"
    case medlineJournalInfo = "MedlineJournalInfo"
    case meshHeadingList = "MeshHeadingList"
    case meshHeading = "MeshHeading"
    case keywordList = "KeywordList"
    case articleIdList = "ArticleIdList"
    case referenceList = "ReferenceList"
    case reference = "Reference"
    case book = "Book"

    // Fields.
    case pmid = "PMID"
    case articleTitle = "ArticleTitle"
    case bookTitle = "BookTitle"
    case vernacularTitle = "VernacularTitle"
    case abstractText = "AbstractText"
    case lastName = "LastName"
    case foreName = "ForeName"
    case initials = "Initials"
    case collectiveName = "CollectiveName"
    case title = "Title"
    case isoAbbreviation = "ISOAbbreviation"
    case medlineTA = "MedlineTA"
    case year = "Year"
    case medlineDate = "MedlineDate"
    case volume = "Volume"
    case issue = "Issue"
    case medlinePgn = "MedlinePgn"
    case startPage = "StartPage"
    case endPage = "EndPage"
    case eLocationID = "ELocationID"
    case language = "Language"
    case publicationType = "PublicationType"
    case descriptorName = "DescriptorName"
    case keyword = "Keyword"
    case articleId = "ArticleId"
    case citation = "Citation"

    /// Every case in declaration order, so that a table index maps back to its case.
    static let all: [PubMedElement] = allCases

    /// Byte lookup of the names above; `other` is never looked up by name.
    static let names = ElementNameTable(allCases.map(\.rawValue))
}

extension XMLStreamReader {
    /// The PubMed element the reader stands on, `.other` for any element the parser ignores.
    var pubMedElement: PubMedElement {
        localNameIndex(in: PubMedElement.names).map { PubMedElement.all[$0] } ?? .other
    }
}
