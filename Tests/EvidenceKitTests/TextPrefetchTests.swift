import Testing

@testable import EvidenceKit

/// The tagger asks for each passage's text ahead of its scan (`TextPrefetch`), finding the
/// bytes from the string's representation alone. A wrong answer would only waste the hint,
/// so these tests are what tells that the hint still lands on the text on this platform.
@Suite("Text prefetch")
struct TextPrefetchTests {
    /// `TextPrefetch.storage` of `text`, read from its representation.
    func storage(of text: String) -> (address: UnsafeRawPointer, count: Int)? {
        var copy = text
        return withUnsafeBytes(of: &copy) { raw in raw.baseAddress.flatMap(TextPrefetch.storage(ofStringAt:)) }
    }

    /// Checks that the storage found for `text` is where the string keeps its UTF-8 bytes,
    /// with their count.
    func expectStorageFound(_ text: String) throws {
        var copy = text
        let expected = try #require(copy.withUTF8 { UnsafeRawPointer($0.baseAddress) })
        let found = try #require(storage(of: copy))
        #expect(found.address == expected)
        #expect(found.count == text.utf8.count)
    }

    @Test("a passage's text is found where the string keeps its bytes, with its byte count")
    func nativeString() throws {
        // Made at run time, as parsed text is: a native string with storage of its own.
        try expectStorageFound(
            ["Lack of managerial support", "was the barrier most often reported by front-line nurses."].joined(separator: " "))
    }

    @Test("a non-ASCII text is found with its count in UTF-8 bytes")
    func nonASCIIString() throws {
        try expectStorageFound(["Führungskräfte und Pflegende:", "Qualitätsverbesserung im Krankenhaus"].joined(separator: " "))
    }

    @Test("a short text kept inside the string itself has no storage to ask for")
    func smallString() {
        let text = ["QI", "team"].joined(separator: " ")
        #expect(storage(of: text) == nil)
    }
}
