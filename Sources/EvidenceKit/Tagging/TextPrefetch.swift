import CPrefetch

/// Starts loading passages' text into the cache before the tagger needs it.
///
/// A corpus larger than the cache is read from memory, and the first touch of each
/// passage's text (retaining the string, an atomic write to its storage) waits for it: a
/// tenth of all tagging time on a baseline file. Asking for the text of the passage after
/// next while the current one is scanned hides most of that wait.
///
/// Where the bytes are is read from the two words of the string as the passage array holds
/// them, without touching (or retaining) the string: that would be the very wait to hide.
/// A native Swift string keeps the address of its storage object in the low 60 bits of its
/// second word and its UTF-8 count in the low 48 bits of its first, and the bytes start 32
/// bytes into the object (`TextPrefetchTests` checks this on each platform). A prefetch is
/// a hint that never faults, so a string stored another way (a small string kept inline, a
/// literal, a bridged one) costs a wasted hint, never a wrong result.
enum TextPrefetch {
    /// How many passages ahead of the scan the text is asked for.
    static let distance = 2

    /// How many cache lines of a text are asked for at most: a long paragraph's first ones.
    static let lineLimit = 8

    /// Asks for the text of `passages[index]`, if there is such a passage.
    @inline(__always)
    static func prefetchText(of passages: [Passage], at index: Int) {
        guard index < passages.count, let textOffset = MemoryLayout<Passage>.offset(of: \Passage.text) else { return }
        passages.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                let (address, count) = storage(ofStringAt: UnsafeRawPointer(base + index) + textOffset)
            else { return }
            let end = min(count, 64 * lineLimit)
            var offset = 0
            while offset < end {
                evidence_prefetch(address + offset)
                offset += 64
            }
        }
    }

    /// Where the UTF-8 bytes of the native string whose representation is at `string` are,
    /// and how many there are, read from the representation alone; nil for a string that
    /// keeps its bytes inline.
    @inline(__always)
    static func storage(ofStringAt string: UnsafeRawPointer) -> (address: UnsafeRawPointer, count: Int)? {
        guard MemoryLayout<String>.size == 16 else { return nil }
        let countAndFlags = string.load(fromByteOffset: 0, as: UInt64.self)
        let object = string.load(fromByteOffset: 8, as: UInt64.self)
        guard object & smallFlag == 0,
            let storage = UnsafeRawPointer(bitPattern: UInt(truncatingIfNeeded: object & addressMask))
        else { return nil }
        return (storage + bytesOffset, Int(truncatingIfNeeded: countAndFlags & countMask))
    }

    private static let addressMask: UInt64 = 0x0FFF_FFFF_FFFF_FFFF
    /// Set in the second word of a string whose bytes are stored inline.
    private static let smallFlag: UInt64 = 0x2000_0000_0000_0000
    private static let countMask: UInt64 = 0x0000_FFFF_FFFF_FFFF
    private static let bytesOffset = 32
}
