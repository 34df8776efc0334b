/// A 64-bit FNV-1a hash that, unlike `Hasher`, is the same in every run and on every
/// machine, so it can be stored to tell whether a record or a codebook has changed.
public struct StableHash: Sendable {
    private var state = StableHash.offsetBasis

    public init() {}

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            var state = self.state
            for byte in bytes { state = StableHash.step(state, byte) }
            self.state = state
        }
        mix(0x1f)
    }

    public mutating func combine(_ value: Int?) {
        combine(value.map(String.init) ?? "")
    }

    public mutating func combine(_ strings: [String]) {
        for string in strings { combine(string) }
        mix(0x1e)
    }

    /// FNV-1a's 64-bit starting value.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One byte of FNV-1a.
    @inline(__always)
    static func step(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private mutating func mix(_ byte: UInt8) {
        state = StableHash.step(state, byte)
    }

    /// The hash as 16 hexadecimal digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension SourceRecord {
    /// A fingerprint of everything the record says; equal fingerprints mean re-ingesting
    /// the record changes nothing.
    public var contentHash: String {
        var hash = StableHash()
        hash.combine(format.rawValue)
        for field in [pmid, pmcid, doi, journal, journalAbbreviation, volume, issue, pages, language, licence] {
            hash.combine(field ?? "")
        }
        hash.combine(title)
        hash.combine(authorListIncomplete ? "et al." : "")
        hash.combine(year)
        hash.combine(authors.map { [$0.family, $0.given, $0.initials, $0.collective].map { $0 ?? "" }.joined(separator: "\u{1d}") })
        hash.combine(publicationTypes)
        hash.combine(meshHeadings)
        hash.combine(keywords)
        for block in blocks {
            hash.combine(block.kind.rawValue)
            hash.combine(block.section)
            hash.combine(block.text)
        }
        hash.combine(references)
        return hash.hex
    }

    /// How much text the record carries: full text beats an abstract, an abstract beats a
    /// bare title; within a level, more text (in UTF-8 bytes) wins. A richer copy of a
    /// paper replaces the text of a poorer one.
    public var richness: Int {
        let level: Int
        if blocks.contains(where: { $0.kind == .body }) {
            level = 3
        } else if blocks.contains(where: { $0.kind == .abstract }) {
            level = 2
        } else {
            level = 1
        }
        return level * 1_000_000_000 + min(textBytes, 999_999_999)
    }

    /// The UTF-8 bytes of the record's text blocks.
    public var textBytes: Int {
        blocks.reduce(0) { $0 + $1.text.utf8.count }
    }
}
