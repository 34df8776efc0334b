import Testing

@testable import EvidenceKit

/// The stored fingerprints must not change between versions of the tool, or every
/// re-ingest would rewrite every source: the values are FNV-1a 64, computed independently.
@Suite("Stable hash")
struct StableHashTests {
    @Test("a string is its UTF-8 bytes and a unit separator")
    func string() {
        var hash = StableHash()
        hash.combine("a")
        #expect(hash.hex == "089be907b544fdc9")
    }

    @Test("a list is its strings and a record separator, whatever their scripts")
    func list() {
        var hash = StableHash()
        hash.combine(["Sørensen", ""])
        #expect(hash.hex == "02c7f36142151f10")
    }
}
