/// Reads PubMed/MEDLINE XML: NLM's baseline and update files, E-utilities `efetch` output and
/// single saved records.
///
/// Accepted roots are `PubmedArticleSet`, `MedlineCitationSet` (bare `MedlineCitation` records
/// without `PubmedData`), `PubmedBookArticleSet`, a bare `PubmedArticle`, `MedlineCitation` or
/// `PubmedBookArticle`, and any wrapper element around these. The file is streamed: one record
/// is in memory at a time, so a 180 MB baseline file is read in constant memory.
///
/// Each record becomes a `SourceRecord` (format `.pubmedXML`) whose blocks are the title
/// followed by one `.abstract` block per `AbstractText`, its `Label` kept as the section.
/// Each `DeleteCitation` becomes a `.delete(pmids:)` event in file order. The title is
/// `ArticleTitle` (for books `ArticleTitle`, else `BookTitle`); `VernacularTitle` is used only
/// when both are empty, as for some non-English records in NLM's own sample file.
///
/// Errors: a file that is not well-formed XML throws `IngestError.malformed` with libxml2's
/// line (records before the error have already been handed over, and the ingester rolls
/// them back). A record without a PMID or without a title is reported as `.skipped` with the
/// line where it starts, and the rest of the file is read.
public struct PubMedParser: RecordParser {
    public init() {}

    public func parse(path: String, handle: (ParseEvent) throws -> Void) throws {
        let records = PubMedRecordReader(reader: try XMLStreamReader(path: path))
        try records.run(handle)
    }
}
