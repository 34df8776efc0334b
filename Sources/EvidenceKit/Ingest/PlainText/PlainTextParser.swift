/// Reads plain-text abstracts (`.txt`, optionally gzip-compressed, UTF-8 with or without BOM)
/// in three layouts, chosen from the content:
///
/// - the documented header layout (`docs/plain-text-format.md`): `Key: value` lines, a blank
///   line, the abstract; several records separated by `---`;
/// - a saved web page of an abstract, with its page furniture left out;
/// - an unstructured abstract: the first non-empty line is the title, the rest the abstract.
///
/// Researchers collect abstracts this way when a paper is not in PubMed or PMC, so the parser
/// keeps what the text holds and never invents metadata.
public struct PlainTextParser: RecordParser {
    /// The layouts a plain-text file can have.
    public enum Layout: Sendable, Equatable {
        case header, webPage, unstructured
    }

    public var format: SourceFormat { .plainText }

    public init() {}

    public func parse(path: String, handle: (ParseEvent) throws -> Void) throws {
        for record in try records(path: path) {
            try handle(.record(record))
        }
    }

    /// All records of the file at `path`.
    public func records(path: String) throws -> [SourceRecord] {
        let lines = try TextFile.lines(path: path)
        switch Self.layout(of: lines) {
        case nil:
            throw IngestError.malformed(path: path, line: nil, reason: "the file holds no text")
        case .header:
            return try HeaderLayout.records(lines, path: path)
        case .webPage:
            return [try WebPageLayout.record(lines, path: path)]
        case .unstructured:
            return [Self.unstructured(lines)]
        }
    }

    /// The layout of `lines`: header when the first non-empty line is a known `Key: value`
    /// header; a web page when furniture, foreign-script site text, numbered or bulleted lists
    /// or field labels show up; otherwise an unstructured abstract. Nil for an empty file.
    static func layout(of lines: [TextLine]) -> Layout? {
        guard let first = lines.first(where: { !$0.isBlank }) else { return nil }
        if HeaderLayout.isHeaderLine(first.trimmed) { return .header }
        return WebPageLayout.pageScore(lines) >= 2 ? .webPage : .unstructured
    }

    static func unstructured(_ lines: [TextLine]) -> SourceRecord {
        let titleIndex = lines.firstIndex(where: { !$0.isBlank }) ?? lines.startIndex
        let title = String(lines[titleIndex].trimmed)
        var record = SourceRecord(format: .plainText, title: title)
        record.blocks = [TextBlock(kind: .title, text: title)] + AbstractParagraphs.blocks(lines[(titleIndex + 1)...])
        return record
    }
}
