/// One tagged passage of one source: the unit every count in a map or table is made of,
/// and the quote a reader can check it against.
public struct EvidenceItem: Hashable, Codable, Sendable {
    /// The `EvidenceSource.id` of the source the passage belongs to.
    public var sourceID: Int64
    public var passage: Passage
    public var tags: PassageTags

    public init(sourceID: Int64, passage: Passage, tags: PassageTags) {
        self.sourceID = sourceID
        self.passage = passage
        self.tags = tags
    }

    /// Whether the passage reports a barrier.
    public var isBarrier: Bool { tags.direction.contains(Direction.barrier) }
    /// Whether the passage reports a facilitator.
    public var isFacilitator: Bool { tags.direction.contains(Direction.facilitator) }
}

/// The direction ids of the alignment model; a passage may carry both or neither.
public enum Direction {
    public static let barrier = "barrier"
    public static let facilitator = "facilitator"
}
