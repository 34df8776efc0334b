/// Turns a record's text blocks into the sentence passages that are stored, tagged and quoted.
///
/// Offsets point into the block's stored text, so a reviewer can find each sentence in its
/// paragraph; titles are never split because a title is one claim, even with a colon or a
/// question mark in it.
public struct PassageBuilder: Sendable {
    /// The passages of `record`: blocks in order, each split into sentences (a title block
    /// is one passage), numbered by `index` across the whole record.
    public static func passages(for record: SourceRecord) -> [Passage] {
        let splitter = SentenceSplitter()
        var passages: [Passage] = []
        for (paragraph, block) in record.blocks.enumerated() {
            let scalars = Array(block.text.unicodeScalars)
            let ranges: [Range<Int>]
            if block.kind == .title {
                ranges = trimmed(scalars).map { [$0] } ?? []
            } else {
                ranges = splitter.split(scalars: scalars)
            }
            for range in ranges {
                passages.append(
                    Passage(
                        kind: block.kind, section: block.section, paragraph: paragraph,
                        index: passages.count, text: String(scalars: scalars[range]),
                        start: range.lowerBound, end: range.upperBound))
            }
        }
        return passages
    }

    /// The range of `scalars` without leading and trailing whitespace; nil when all is space.
    static func trimmed(_ scalars: [Unicode.Scalar]) -> Range<Int>? {
        guard let first = scalars.firstIndex(where: { !ScalarClass.isSpace($0) }),
            let last = scalars.lastIndex(where: { !ScalarClass.isSpace($0) })
        else { return nil }
        return first..<(last + 1)
    }
}
