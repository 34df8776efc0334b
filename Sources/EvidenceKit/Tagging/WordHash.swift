/// The hash of a lower-cased word (or of its first bytes), taken eight bytes at a time.
///
/// The scan needs the hash of every word of the text and of a few starts of it (the lengths
/// wildcard prefixes have). Hashing a byte at a time ends in a loop whose exit the processor
/// cannot predict, once per word. A word of up to eight bytes (most words) is instead its
/// first chunk of eight bytes with the bytes past its end masked off (the `key`: no word
/// byte is zero, so the key is the word), times an odd constant; the hash of any start of it
/// is the same multiply with a shorter mask. Longer words mix in one chunk after another.
/// Filters and tables use the top bits of a hash, which a multiply mixes all key bits into.
/// The codebook's words are hashed by the same function, so both sides agree by
/// construction.
enum WordHash {
    /// The hash of the `count` bytes at `bytes` (`count` ≥ 1). Reads whole chunks of eight
    /// bytes, so up to seven bytes past the end must be readable; they do not count.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        let first = chunk(bytes, 0)
        if count <= 8 { return hash(key: first & mask(count)) }
        var h = hash(key: first)
        var offset = 8
        while count - offset > 8 {
            h = mix(h, chunk(bytes, offset))
            offset += 8
        }
        h = mix(h, chunk(bytes, offset) & mask(count - offset))
        return mix(h, UInt64(truncatingIfNeeded: count))
    }

    /// How many bytes a chunk holds: words up to this long are hashed from one chunk.
    static let chunkSize = 8

    /// The hash of a word of one to eight bytes from its key: its bytes as a chunk, the
    /// bytes past its end zero. Multiplying by an odd constant is a bijection on 64-bit
    /// integers, so two different keys never share a hash: for such words the hash is the
    /// word.
    @inline(__always)
    static func hash(key: UInt64) -> UInt64 {
        key &* 0x9E37_79B9_7F4A_7C15
    }

    /// The hash of `word`, for compiling the codebook.
    static func hash(_ word: [UInt8]) -> UInt64 {
        precondition(!word.isEmpty, "an empty word has no hash")
        let padded = word + [UInt8](repeating: 0, count: 8)
        return padded.withUnsafeBytes { hash($0.baseAddress.unsafelyUnwrapped, count: word.count) }
    }

    /// Whether the `count` bytes (`count` ≥ 1) at `a` and at `b` are the same (both
    /// readable for up to seven bytes past `count`).
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while count - offset > 8 {
            if chunk(a, offset) != chunk(b, offset) { return false }
            offset += 8
        }
        return (chunk(a, offset) ^ chunk(b, offset)) & mask(count - offset) == 0
    }

    /// Eight bytes from `bytes + offset`, the first in the low byte.
    @inline(__always)
    static func chunk(_ bytes: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The low `count` bytes (1 to 8) of a chunk.
    @inline(__always)
    static func mask(_ count: Int) -> UInt64 {
        UInt64.max &>> UInt64(truncatingIfNeeded: 64 - 8 * count)
    }

    /// Folds `chunk` into `h`: the high bits of `h` fed back into the low ones, so that
    /// every bit of every chunk reaches the top bits of the result.
    @inline(__always)
    private static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        (h ^ (h >> 32) ^ chunk) &* 0xD6E8_FEB8_6659_FD93
    }
}
