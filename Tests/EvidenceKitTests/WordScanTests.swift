import Testing

@testable import EvidenceKit

/// The tagger's scan cuts words eight bytes at a time (`ScanBuffers.fold`, `ByteLanes`) and
/// hashes them a chunk at a time (`WordHash`); these tests pin it to the byte-by-byte word
/// cutter (`TextScanner`) that compiles the codebook's terms, on real sentences.
@Suite("Word scan")
struct WordScanTests {
    /// The words the scan records for `text`, as the word cutter's words.
    func scannedWords(_ text: String) -> [TextScanner.Word] {
        let automaton = TermAutomaton(TermAutomaton.Builder())
        var buffers = ScanBuffers()
        var copy = text
        copy.withUTF8 { automaton.scan($0, into: &buffers) }
        return (0..<buffers.wordCount).map { k in
            let word = buffers.words[k]
            return TextScanner.Word(
                byteStart: Int(word.byteStart), byteEnd: Int(word.byteEnd), scalarStart: Int(word.scalarStart),
                scalarEnd: Int(word.scalarEnd), clauseBreakBefore: word.clauseBreakBefore)
        }
    }

    @Test("every byte value, in every lane, is classified as the word cutter's tables say")
    func byteLanes() {
        for byte in 0..<256 {
            for lane in 0..<8 {
                // The other lanes hold bytes of other classes, so no answer can leak across.
                var x: UInt64 = 0x3F_61_2E_C3_20_5A_39_41
                x &= ~(0xFF << UInt64(8 * lane))
                x |= UInt64(byte) << UInt64(8 * lane)
                let lanes = ByteLanes.classify(x)
                let bit = UInt64(1) << UInt64(lane)
                let kind = TextScanner.kinds[byte]
                #expect(UInt8(truncatingIfNeeded: lanes.lowered >> UInt64(8 * lane)) == TextScanner.lower[byte])
                #expect((ByteLanes.bits(lanes.word) & bit != 0) == (kind == TextScanner.Kind.word.rawValue))
                #expect((ByteLanes.bits(lanes.clauseBreak) & bit != 0) == (kind == TextScanner.Kind.clauseBreak.rawValue))
            }
        }
    }

    @Test("a start of a word hashes as that start would as a word of its own")
    func hashOfStarts() {
        let word = Array("internationalisation-managerialism".utf8)
        let padded = word + [UInt8](repeating: 0, count: 8)
        var hashes = Set<UInt64>()
        for length in 1...word.count {
            let alone = WordHash.hash(Array(word.prefix(length)))
            let inPlace = padded.withUnsafeBytes { WordHash.hash($0.baseAddress!, count: length) }
            #expect(alone == inPlace)
            if length <= 8 {
                let first = padded.withUnsafeBytes { WordHash.chunk($0.baseAddress!, 0) }
                #expect(WordHash.hash(key: first & WordHash.mask(length)) == alone)
            }
            hashes.insert(alone)
        }
        #expect(hashes.count == word.count)
    }

    @Test("the scan cuts real sentences exactly as the word cutter does, ASCII or not")
    func sentences() throws {
        let sentences = try GoldSentence.load(path: Fixture.path("gold/dev.jsonl")).map(\.text)
        #expect(sentences.contains { !$0.utf8.allSatisfy { $0 < 0x80 } })
        for text in sentences {
            #expect(scannedWords(text) == TextScanner.words(Array(text.utf8)), "\(text)")
        }
    }

    @Test("words and clause breaks at every position around the 64-byte steps of the bitmaps")
    func bitmapBoundaries() throws {
        let sentences = try GoldSentence.load(path: Fixture.path("gold/dev.jsonl")).map(\.text)
        let ascii = sentences.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.prefix(3).joined(separator: " ")
        #expect(ascii.utf8.count > 200)
        let bytes = Array(ascii.utf8)
        for start in 0..<70 {
            for end in [bytes.count, bytes.count - 1, 64 + start, 128 + start, 127 + start] where end > start && end <= bytes.count {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                #expect(scannedWords(text) == TextScanner.words(Array(text.utf8)))
            }
        }
    }
}
