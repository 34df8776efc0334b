/// A term of some term set found in a passage: words `start..<end` (word indices).
struct TermHit: Hashable, BitwiseCopyable {
    var termSet: Int32
    var start: Int32
    var end: Int32
}

/// One word of a scanned passage: byte range, Unicode-scalar range, and whether a clause
/// break (`.` `;` `:` `!` `?`) stands between it and the previous word.
struct ScannedWord: BitwiseCopyable {
    var byteStart: Int32
    var byteEnd: Int32
    var scalarStart: Int32
    var scalarEnd: Int32
    var clauseBreakBefore: Bool
}

/// A phrase of the phrase trie that is still alive: its first word and the edges of the
/// node it has reached (`TermAutomaton.children[childStart..<childStart + childCount]`).
struct ActivePhrase: BitwiseCopyable {
    var start: Int32
    var childStart: Int32
    var childCount: Int32
}

/// What scanning one passage leaves behind (its words and term hits), in storage reused
/// for every passage of a source, so that scanning allocates only when a passage is longer
/// than any before it. Passed `inout`: the hot loop pays no dynamic exclusivity checks.
struct ScanBuffers: ~Copyable {
    var words = ScratchStack<ScannedWord>(capacity: 256)
    /// Sorted by term set, then position, without duplicates.
    var hits = ScratchStack<TermHit>(capacity: 64)
    var symbols = ScratchStack<Int32>(capacity: 512)
    /// The passage lower-cased, eight bytes to an element, then zero bytes (`fold`).
    var lowered = ScratchStack<UInt64>(capacity: 64)
    /// One bit per byte of the passage: whether it is an ASCII letter or digit (`fold`).
    var wordBits = ScratchStack<UInt64>(capacity: 8)
    /// One bit per byte of the passage: whether it is a clause break (`fold`).
    var breakBits = ScratchStack<UInt64>(capacity: 8)
    var active = ScratchStack<ActivePhrase>(capacity: 16)
    var nextActive = ScratchStack<ActivePhrase>(capacity: 16)

    var wordCount: Int { words.count }

    /// Empties the buffers and makes room for the words and per-word symbols of a passage
    /// of `byteCount` bytes: at most one word per two bytes, and at most one symbol per
    /// byte of a word plus its whole-word symbol.
    mutating func prepare(byteCount: Int) {
        words.removeAll()
        hits.removeAll()
        active.removeAll()
        nextActive.removeAll()
        symbols.removeAll()
        words.reserve(byteCount / 2 + 2)
        symbols.reserve(byteCount + 2)
    }
}
