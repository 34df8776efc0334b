/// One finding of `evidence codebook check`: where in the file, how bad, and what is wrong.
public struct CodebookDiagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        /// The codebook cannot be used as written.
        case error
        /// The codebook works, but probably not as intended.
        case warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `tags.yml:12:9: error: unknown key 'treshold' in factor 'clinical-engagement'`, the
    /// format editors and compilers use, so the location is clickable.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Why a codebook could not be loaded.
public enum CodebookError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read but has errors; every one is listed with its line and column.
    case invalid([CodebookDiagnostic])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the codebook \(path): \(reason)"
        case .invalid(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return (["the codebook has \(errors.count) error(s):"] + errors.map(\.description)).joined(separator: "\n")
        }
    }
}
