/// A sentence of a source with the provenance a reviewer needs to quote it: which part of
/// the paper, which paragraph, and where in that paragraph's stored text it stands.
public struct Passage: Hashable, Codable, Sendable {
    public var kind: PassageKind
    public var section: String
    /// Position of the paragraph among the source's blocks (0-based).
    public var paragraph: Int
    /// Position of the passage among all passages of the source (0-based).
    public var index: Int
    public var text: String
    /// Offsets of the sentence in the paragraph's stored text, counted in Unicode scalars
    /// (code points, as Python and most text tools count them): `start..<end`.
    public var start: Int
    public var end: Int

    public init(kind: PassageKind, section: String, paragraph: Int, index: Int, text: String, start: Int, end: Int) {
        self.kind = kind
        self.section = section
        self.paragraph = paragraph
        self.index = index
        self.text = text
        self.start = start
        self.end = end
    }
}
