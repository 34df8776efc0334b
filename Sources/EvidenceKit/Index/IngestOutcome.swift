/// What storing one record did to the corpus.
public enum IngestOutcome: Equatable, Sendable {
    /// A paper the corpus did not have.
    case new(sourceID: Int64)
    /// A paper it had, enriched with new metadata, text or provenance.
    case updated(sourceID: Int64)
    /// A paper it had, with nothing new in this record.
    case unchanged(sourceID: Int64)

    public var sourceID: Int64 {
        switch self {
        case .new(let id), .updated(let id), .unchanged(let id): return id
        }
    }

}
