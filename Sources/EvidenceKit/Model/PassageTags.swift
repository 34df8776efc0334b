/// Why a passage carries a label: the rule that fired and the words it matched.
///
/// Every number in a report must lead back to a quote, so a tag is never stored without
/// its evidence.
public struct TagMatch: Hashable, Codable, Sendable {
    /// The id of the rule that fired (`clinical-engagement/terms`).
    public var rule: String
    /// The factor, actor or direction id the rule gives evidence for.
    public var label: String
    /// The matched words as they stand in the passage.
    public var text: String
    /// Offsets of the match in the passage text, in Unicode scalars: `start..<end`.
    public var start: Int
    public var end: Int

    public init(rule: String, label: String, text: String, start: Int, end: Int) {
        self.rule = rule
        self.label = label
        self.text = text
        self.start = start
        self.end = end
    }
}

/// The labels the codebook gives one passage, with the evidence for each.
public struct PassageTags: Hashable, Codable, Sendable {
    /// Factor ids of the alignment model (`clinical-engagement`), sorted.
    public var factors: [String]
    /// Actor ids (`clinical-staff`), sorted.
    public var actors: [String]
    /// `barrier`, `facilitator`, both or neither.
    public var direction: [String]
    public var matches: [TagMatch]

    public init(factors: [String] = [], actors: [String] = [], direction: [String] = [], matches: [TagMatch] = []) {
        self.factors = factors
        self.actors = actors
        self.direction = direction
        self.matches = matches
    }

    public var isEmpty: Bool { factors.isEmpty && actors.isEmpty && direction.isEmpty }
}
