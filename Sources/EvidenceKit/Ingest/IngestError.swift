/// Why a file could not be ingested. Every case names the file, and the line where the
/// parser knows it, so a researcher can open the file at the right place.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, permissions, corrupt gzip).
    case unreadable(path: String, reason: String)
    /// The file is in a known format but is not valid in it.
    case malformed(path: String, line: Int?, reason: String)
    /// The file holds a construct `evidence` refuses for safety (entity expansion loops).
    case unsafe(path: String, line: Int?, reason: String)
    /// The file is in no format `evidence` can read; it is skipped, not failed.
    case unknownFormat(path: String, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .malformed(let path, _, _), .unsafe(let path, _, _),
            .unknownFormat(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformed(let path, let line, let reason):
            return "\(IngestError.location(path, line)): malformed: \(reason)"
        case .unsafe(let path, let line, let reason):
            return "\(IngestError.location(path, line)): refused for safety: \(reason)"
        case .unknownFormat(let path, let reason):
            return "\(path): skipped: \(reason)"
        }
    }

    private static func location(_ path: String, _ line: Int?) -> String {
        line.map { "\(path):\($0)" } ?? path
    }
}
