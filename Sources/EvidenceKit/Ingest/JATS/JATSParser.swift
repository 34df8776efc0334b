/// Reads JATS / NLM full text: PMC `.nxml` files, publisher XML (PLOS), old NLM DTDs
/// (Archiving v2.3), and E-utilities wrappers such as `pmc-articleset` around one or more
/// `article`s. Plain and gzip-compressed files are read alike.
///
/// The file is streamed and each `article` becomes a `SourceRecord` as soon as it has been
/// read, so a file holding many articles never sits in memory whole and no DOM is built.
///
/// What a record holds:
/// - Metadata from `front` (or a sub-article's `front-stub`): ids (PMCID normalised to
///   `PMC123456`), title (a subtitle is appended after ": "), authors (`collab` as a group
///   author), journal and its abbreviation (ISO abbreviation first, then NLM TA), year
///   (electronic publication date first, then print, then any publication date), volume,
///   issue, pages (`fpage-lpage`, else `elocation-id`), licence (its URL when the file gives
///   one, else the first sentence of its text), keywords, `xml:lang` and `article-type`.
/// - Blocks in reading order: the title; the main abstract, its sections named after their
///   `sec/title`, followed by further abstracts such as PLOS's editors' summary, whose
///   sections carry that abstract's title as a prefix ("Editors' Summary > Background");
///   teaser-like abstracts (`teaser`, `toc`, `graphical`, `summary-for-lay`) are left out
///   unless the article has no other. Then each body paragraph (also in lists, quotes and
///   boxes) with its section path ("Methods > Data sources"), and each figure and table
///   caption as a `.caption` block in place. Tables, display formulas, footnotes and
///   supplementary files are not text of the paper and are left out; citation markers
///   (`xref`) stay in the text.
/// - References: each `ref` of the reference list as one citation string.
///
/// Sub-articles (`sub-article`, `response`): the parent article is reported first, then each
/// sub-article that has its own title as a record of its own, with its own title, authors,
/// abstract, body and references. Journal, year, volume, issue, licence and language are
/// inherited from the parent when the sub-article does not give them; identifiers are never
/// inherited, so that the corpus does not merge a sub-article into its parent. A sub-article
/// without a title is not reported (its own sub-articles still are).
///
/// An article without a title is a malformed file, reported with the line where it begins
/// (as closely as the streaming reader knows it: libxml2 reads a little ahead).
public struct JATSParser: RecordParser {
    public init() {}

    public func parse(path: String, handle: (ParseEvent) throws -> Void) throws {
        let reader = try XMLStreamReader(path: path)
        var articles = 0
        while try reader.read() {
            guard reader.nodeType == .element, reader.localName == "article" else { continue }
            try JATSArticleReader(reader: reader).readArticle(inheriting: nil) { record in
                try handle(.record(record))
            }
            articles += 1
        }
        if articles == 0 {
            throw IngestError.malformed(path: path, line: nil, reason: "no JATS <article> element in the file")
        }
    }
}
