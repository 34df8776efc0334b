extension ScanBuffers {
    /// Writes the lower-cased text into `lowered` (ASCII letters lower-cased, every other
    /// byte as it is, then zero bytes) and marks its ASCII word bytes (letters and digits)
    /// in `wordBits` and its clause breaks (`.` `;` `:` `!` `?`) in `breakBits`, one bit per
    /// byte. Works on eight bytes at a time with plain integer arithmetic (each byte a lane
    /// of a `UInt64`), without a branch per byte. Returns whether the text is all ASCII, in
    /// which case the bitmaps alone say where its words are.
    mutating func fold(_ text: UnsafePointer<UInt8>, count n: Int) -> Bool {
        let chunkCount = (n + 7) / 8
        // Zero chunks after the text: a word's last chunk may be read up to seven bytes
        // past its end, and a multi-byte character cut off at the end reaches three past it.
        lowered.setCountAfterReserving(chunkCount + 2)
        // A zero word after the last: a search for the end of a word always stops.
        let bitWordCount = chunkCount / 8 + 2
        wordBits.setCountAfterReserving(bitWordCount)
        breakBits.setCountAfterReserving(bitWordCount)
        let lowered = self.lowered.base
        let wordBits = self.wordBits.base
        let breakBits = self.breakBits.base
        let raw = UnsafeRawPointer(text)
        var highBits: UInt64 = 0
        // Whole groups of eight chunks (64 bytes: one word of each bitmap), two chunks at a
        // time so that the shifts are constants.
        var group = 0
        while 64 * group + 64 <= n {
            var words: UInt64 = 0
            var breaks: UInt64 = 0
            var k = 0
            while k < 8 {
                let c = 8 * group + k
                let x0 = WordHash.chunk(raw, 8 * c)
                let x1 = WordHash.chunk(raw, 8 * c + 8)
                highBits |= x0 | x1
                let marks0 = Self.fold(chunk: x0, into: lowered, at: c)
                let marks1 = Self.fold(chunk: x1, into: lowered, at: c + 1)
                let shift = UInt64(8 * k)
                words |= (marks0.words | marks1.words << 8) << shift
                breaks |= (marks0.breaks | marks1.breaks << 8) << shift
                k += 2
            }
            wordBits[group] = words
            breakBits[group] = breaks
            group += 1
        }
        // The rest, the last chunk padded with zero bytes; then zero words and chunks.
        var words: UInt64 = 0
        var breaks: UInt64 = 0
        var c = 8 * group
        while c < chunkCount {
            var x: UInt64 = 0
            if 8 * c + 8 <= n {
                x = WordHash.chunk(raw, 8 * c)
            } else {
                for k in 0..<(n - 8 * c) { x |= UInt64(text[8 * c + k]) << UInt64(8 * k) }
            }
            highBits |= x
            let marks = Self.fold(chunk: x, into: lowered, at: c)
            words |= marks.words << UInt64(8 * (c & 7))
            breaks |= marks.breaks << UInt64(8 * (c & 7))
            c += 1
        }
        lowered[chunkCount] = 0
        lowered[chunkCount + 1] = 0
        wordBits[group] = words
        breakBits[group] = breaks
        for index in (group + 1)..<bitWordCount {
            wordBits[index] = 0
            breakBits[index] = 0
        }
        return highBits & ByteLanes.high == 0
    }

    /// Writes the lower case of `chunk` as element `index` of `lowered` and returns the
    /// chunk's word bytes and clause breaks as 8-bit masks, first byte lowest.
    @inline(__always)
    private static func fold(
        chunk: UInt64, into lowered: UnsafeMutablePointer<UInt64>, at index: Int
    ) -> (words: UInt64, breaks: UInt64) {
        let lanes = ByteLanes.classify(chunk)
        lowered[index] = lanes.lowered.littleEndian
        return (ByteLanes.bits(lanes.word), ByteLanes.bits(lanes.clauseBreak))
    }
}

/// Byte-wise tests on the eight bytes of a `UInt64` at once (SWAR): each test leaves the
/// high bit of a byte set where the byte passes. Only bytes below 0x80 are classified; the
/// others fail every test.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    struct Classified {
        /// ASCII upper case lower-cased, every other byte unchanged.
        var lowered: UInt64
        /// ASCII letters and digits.
        var word: UInt64
        /// `.` `;` `:` `!` `?`.
        var clauseBreak: UInt64
    }

    @inline(__always)
    static func classify(_ x: UInt64) -> Classified {
        let ascii = ~x & high
        let seven = x & ~high
        let upper = between(seven, 0x41, 0x5A) & ascii
        let lowered = x | (upper >> 2)
        let lower7 = seven | (upper >> 2)
        let word = (between(seven, 0x30, 0x39) | between(lower7, 0x61, 0x7A)) & ascii
        let clauseBreak = (between(seven, 0x3A, 0x3B) | equal(x, 0x2E) | equal(x, 0x21) | equal(x, 0x3F)) & ascii
        return Classified(lowered: lowered, word: word, clauseBreak: clauseBreak)
    }

    /// High bit set in the bytes of `seven` (all below 0x80) from `low` to `high` (both
    /// below 0x80). Neither subtraction borrows across bytes.
    @inline(__always)
    static func between(_ seven: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        ((seven | Self.high) &- low &* ones) & ((high | 0x80) &* ones &- seven) & Self.high
    }

    /// High bit set in the bytes of `x` equal to `byte`.
    @inline(__always)
    static func equal(_ x: UInt64, _ byte: UInt64) -> UInt64 {
        let t = x ^ (byte &* ones)
        return ~(((t & ~high) &+ ~high) | t) & high
    }

    /// The high bits of the eight bytes as an 8-bit mask, first byte lowest.
    @inline(__always)
    static func bits(_ lanes: UInt64) -> UInt64 {
        ((lanes >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}
