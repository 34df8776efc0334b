/// What a streaming parser reports while it reads a file.
///
/// Parsers hand records over one at a time so that a 200 MB baseline file never sits in
/// memory whole; a PubMed `DeleteCitation` arrives as its own event because it changes
/// sources that other files created.
public enum ParseEvent: Sendable {
    case record(SourceRecord)
    case delete(pmids: [String])
    /// A record that cannot be stored (no identifier, no title): reported, the rest of the
    /// file is kept.
    case skipped(line: Int?, reason: String)
}

/// Why one record of an otherwise readable file was left out.
public struct RecordProblem: Error, Equatable, Sendable {
    public var line: Int?
    public var reason: String

    public init(line: Int?, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// A parser of one input format. It reads `path` (gzip-compressed or not) and calls
/// `handle` for each record in file order; it throws `IngestError` with the path, line
/// and reason when the file is malformed.
public protocol RecordParser: Sendable {
    func parse(path: String, handle: (ParseEvent) throws -> Void) throws
}
