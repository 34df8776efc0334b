import Testing
@testable import EvidenceKit

/// The wildcard-prefix gate of the term automaton looks at a few bytes of each word (the
/// gate length of `TermAutomaton.gateMasks`) and separately at the lengths of shorter
/// prefixes; these tests pin that prefixes shorter than, as long as and longer than that
/// length all match.
@Suite("Term automaton wildcard prefixes")
struct TermAutomatonPrefixTests {
    /// The term sets (one per prefix, in order) matched by each word of `text`.
    func matches(prefixes: [String], text: String) -> [[Int32]] {
        var builder = TermAutomaton.Builder()
        for prefix in prefixes {
            let key = Array(prefix.utf8)
            builder.add([TokenPattern(key: key, original: key, isPrefix: true)], termSet: builder.newTermSet(), caseSensitive: false)
        }
        let automaton = TermAutomaton(builder)
        var buffers = ScanBuffers()
        var copy = text
        copy.withUTF8 { automaton.scan($0, into: &buffers) }
        var result = [[Int32]](repeating: [], count: buffers.wordCount)
        for k in 0..<buffers.hits.count {
            let hit = buffers.hits[k]
            result[Int(hit.start)].append(hit.termSet)
        }
        return result.map { $0.sorted() }
    }

    @Test("prefixes of one to seven bytes: gate at three bytes, shorter prefixes tested apart")
    func shortPrefixes() {
        let prefixes = ["q", "qu", "qua", "quar", "quart", "quarte", "quartet"]
        let words = matches(prefixes: prefixes, text: "Q qu QUA quarry quartz quartered Quartets quota a")
        #expect(words == [[0], [0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [0, 1], []])
    }

    @Test("prefixes of three and eight bytes: gate at five bytes, the three-byte prefix tested apart")
    func longPrefixes() {
        let words = matches(prefixes: ["off", "manageme"], text: "off-site Offset manage management managements of")
        #expect(words == [[0], [], [0], [], [1], [1], []])
    }
}
