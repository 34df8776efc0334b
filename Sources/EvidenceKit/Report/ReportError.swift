/// Why a report could not be built from the values it was given.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A passage refers to a source that is not among the sources passed in.
    case unknownSource(sourceID: Int64, passageIndex: Int)
    /// Two sources were passed in with the same id.
    case duplicateSource(id: Int64)
    /// A factor was asked for that the framework (codebook) does not define.
    case unknownFactor(id: String, known: [String])
    /// The report's folder or a file in it could not be written; nothing was replaced.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownSource(let sourceID, let passageIndex):
            return "passage \(passageIndex) belongs to source \(sourceID), which is not in the corpus"
        case .duplicateSource(let id):
            return "source \(id) was given twice"
        case .unknownFactor(let id, let known):
            return "unknown factor '\(id)'; the codebook defines: \(known.joined(separator: ", "))"
        case .cannotWrite(let path, let reason):
            return "cannot write the report into \(path): \(reason)"
        }
    }
}
