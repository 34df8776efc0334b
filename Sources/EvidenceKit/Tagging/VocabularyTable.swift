/// A set of lower-cased words with their symbols, in an open-addressing hash table keyed by
/// `WordHash`; the word's bytes are kept beside the table, so that a hit on a word longer
/// than its hash can tell apart is confirmed against them.
/// A 64K-bit filter in front of the table answers "certainly not here" for nearly every
/// word of ordinary text with one load from the L1 cache.
struct VocabularyTable: Sendable {
    /// Sixteen bytes, four to a cache line: the key's place in `keys` is in `keyStarts`,
    /// which only words longer than a chunk read.
    struct Slot: Sendable, BitwiseCopyable {
        var hash: UInt64
        /// -1 for an empty slot.
        var symbol: Int32
        var keyLength: Int32
    }

    let slots: FlatTable<Slot>
    /// Where the key of the word in each slot starts in `keys`.
    let keyStarts: FlatTable<Int32>
    let keys: FlatTable<UInt8>
    let filter: FlatTable<UInt64>
    let mask: Int
    let shift: UInt64

    @inline(__always)
    static func lengthBit(_ length: Int) -> UInt64 {
        length < 63 ? 1 << UInt64(length) : 1 << 63
    }

    /// The bit of a 64K-bit filter (1,024 words) that stands for hash `h`: its top bits,
    /// as `WordHash` mixes all bits into them.
    @inline(__always)
    static func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h >> 48)
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

    /// The first slot to probe for hash `h` in a table of `1 << (64 - shift)` slots: the
    /// hash's top bits.
    @inline(__always)
    static func slot(of h: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: h >> shift)
    }

    /// A 64K-bit filter with the bits of `hashes`.
    static func makeFilter(_ hashes: some Sequence<UInt64>) -> FlatTable<UInt64> {
        var filter = [UInt64](repeating: 0, count: 1024)
        for h in hashes {
            let bit = filterBit(h)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return FlatTable(filter)
    }

    init(_ words: [[UInt8]: Int32]) {
        var bits = 4
        while (1 << bits) < 2 * words.count { bits += 1 }
        let size = 1 << bits
        var slots = [Slot](repeating: Slot(hash: 0, symbol: -1, keyLength: 0), count: size)
        var keyStarts = [Int32](repeating: 0, count: size)
        var keys: [UInt8] = []
        let shift = UInt64(64 - bits)
        // Sorted, so that the table does not depend on dictionary order.
        for (word, symbol) in words.sorted(by: { $0.value < $1.value }) {
            let h = WordHash.hash(word)
            var index = Self.slot(of: h, shift: shift)
            while slots[index].symbol >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Slot(hash: h, symbol: symbol, keyLength: Int32(word.count))
            keyStarts[index] = Int32(keys.count)
            keys += word
        }
        self.slots = FlatTable(slots)
        self.keyStarts = FlatTable(keyStarts)
        // Room for the eight-byte reads of the last key.
        self.keys = FlatTable(keys + [UInt8](repeating: 0, count: 8))
        self.filter = Self.makeFilter(words.keys.map(WordHash.hash))
        self.mask = size - 1
        self.shift = shift
    }

    /// The symbol of the lower-cased word of `length` bytes at `word` whose hash is `h`,
    /// or -1. `word` must be readable for seven bytes past its end.
    @inline(__always)
    func symbol(hash h: UInt64, word: UnsafeRawPointer, length: Int) -> Int32 {
        if !Self.filterHas(filter.base, h) { return -1 }
        return probe(hash: h, word: word, length: length)
    }

    /// The table lookup behind the filter (for a hash the filter has): rarely reached for
    /// words outside the vocabulary.
    ///
    /// A word of up to eight bytes is confirmed by its hash alone, as `WordHash` gives two
    /// such words of the same length the same hash only if they are the same word: only
    /// longer words are compared byte by byte, which reads the table of keys as well.
    @inline(__always)
    func probe(hash h: UInt64, word: UnsafeRawPointer, length: Int) -> Int32 {
        let slots = self.slots.base
        let keys = UnsafeRawPointer(self.keys.base)
        var index = Self.slot(of: h, shift: shift)
        while true {
            let slot = slots[index]
            if slot.symbol < 0 { return -1 }
            if slot.hash == h && Int(slot.keyLength) == length
                && (length <= WordHash.chunkSize || WordHash.equal(keys + Int(keyStarts[index]), word, count: length)) {
                return slot.symbol
            }
            index = (index + 1) & mask
        }
    }
}
