/// A set of lower-cased words with their symbols, in an open-addressing hash table keyed by
/// `hash(word)`; each slot keeps the word's bytes so that a hit is confirmed byte by byte.
/// A 64K-bit filter in front of the table answers "certainly not here" for nearly every
/// word of ordinary text with one load from the L1 cache.
struct VocabularyTable: Sendable {
    struct Slot: Sendable, BitwiseCopyable {
        /// -1 for an empty slot.
        var symbol: Int32
        var keyLength: Int32
        var keyStart: Int32
        var hash: UInt64
    }

    let slots: FlatTable<Slot>
    let keys: FlatTable<UInt8>
    let filter: FlatTable<UInt64>
    let mask: Int
    let shift: UInt64

    static let seed = StableHash.offsetBasis

    /// FNV-1a over the lower-cased bytes (the caller lower-cases).
    @inline(__always)
    static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        StableHash.step(h, byte)
    }

    @inline(__always)
    static func lengthBit(_ length: Int) -> UInt64 {
        length < 63 ? 1 << UInt64(length) : 1 << 63
    }

    /// The bit of a 64K-bit filter (1,024 words) that stands for hash `h`.
    @inline(__always)
    static func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0xC2B2_AE3D_27D4_EB4F) >> 48)
    }

    /// Whether the filter `words` (1,024 words) has the bit of hash `h`.
    @inline(__always)
    static func filterHas(_ words: UnsafeMutablePointer<UInt64>, _ h: UInt64) -> Bool {
        let bit = filterBit(h)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The bits of the filter `words` (1,024 words) at the bit of hash `h`: non-zero when
    /// the filter has it. Lets the scan test two filters with one branch and then use
    /// each answer without loading the filter again.
    @inline(__always)
    static func filterBits(_ words: UnsafeMutablePointer<UInt64>, _ h: UInt64) -> UInt64 {
        let bit = filterBit(h)
        return words[bit >> 6] & (1 << UInt64(bit & 63))
    }

    init(_ words: [[UInt8]: Int32]) {
        var bits = 4
        while (1 << bits) < 2 * words.count { bits += 1 }
        let size = 1 << bits
        var slots = [Slot](repeating: Slot(symbol: -1, keyLength: 0, keyStart: 0, hash: 0), count: size)
        var keys: [UInt8] = []
        var filter = [UInt64](repeating: 0, count: 1024)
        let shift = UInt64(64 - bits)
        // Sorted, so that the table does not depend on dictionary order.
        for (word, symbol) in words.sorted(by: { $0.value < $1.value }) {
            var h = Self.seed
            for b in word { h = Self.hash(h, b) }
            var index = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[index].symbol >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Slot(symbol: symbol, keyLength: Int32(word.count), keyStart: Int32(keys.count), hash: h)
            keys += word
            let bit = Self.filterBit(h)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.slots = FlatTable(slots)
        self.keys = FlatTable(keys)
        self.filter = FlatTable(filter)
        self.mask = size - 1
        self.shift = shift
    }

    /// The symbol of the word whose lower-cased bytes hash to `h` and which is written as
    /// `text[start..<start + length]`, or -1. `lower` is the ASCII lower-casing table.
    @inline(__always)
    func symbol(hash h: UInt64, text: UnsafePointer<UInt8>, start: Int, length: Int, lower: UnsafeMutablePointer<UInt8>) -> Int32 {
        if !Self.filterHas(filter.base, h) { return -1 }
        return probe(hash: h, text: text, start: start, length: length, lower: lower)
    }

    /// The table lookup behind the filter (for a hash the filter has): rarely reached for
    /// words outside the vocabulary.
    func probe(hash h: UInt64, text: UnsafePointer<UInt8>, start: Int, length: Int, lower: UnsafeMutablePointer<UInt8>) -> Int32 {
        let slots = self.slots.base
        let keys = self.keys.base
        var index = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[index]
            if slot.symbol < 0 { return -1 }
            if slot.hash == h && Int(slot.keyLength) == length {
                let from = Int(slot.keyStart)
                var j = 0
                while j < length && lower[Int(text[start + j])] == keys[from + j] { j += 1 }
                if j == length { return slot.symbol }
            }
            index = (index + 1) & mask
        }
    }
}
