/// A paragraph of a source as a parser found it, before it is split into sentences.
///
/// Parsers emit blocks in reading order; the passage builder splits each block into
/// sentences whose offsets point into `text`, which is stored as it is.
public struct TextBlock: Hashable, Codable, Sendable {
    public var kind: PassageKind
    /// The section path, outermost first, joined with " > " (`Methods > Data sources`);
    /// a structured abstract's label (`RESULTS`); empty when the source has none.
    public var section: String
    /// The paragraph's plain text, inline markup already flattened.
    public var text: String

    public init(kind: PassageKind, section: String = "", text: String) {
        self.kind = kind
        self.section = section
        self.text = text
    }
}
