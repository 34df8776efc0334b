/// A growable stack of plain values that the tagger reuses from passage to passage.
///
/// Tagging a passage needs a handful of short lists (words, symbols, live phrases, hits,
/// candidates). Fresh arrays per passage cost a heap allocation, a uniqueness check per
/// append and a release each; this stack allocates only when it must grow, and
/// `removeAll()` just resets the count; memory is allocated at the first append or
/// `reserve`, so a stack a source never needs costs nothing. Non-copyable, so it is never
/// shared by accident and its memory is freed exactly once.
struct ScratchStack<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    /// An empty stack; `capacity` is what the first allocation makes room for.
    init(capacity: Int = 16) {
        initialCapacity = max(capacity, 1)
        self.capacity = 0
        base = UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
    }

    deinit {
        if capacity > 0 { base.deallocate() }
    }

    private let initialCapacity: Int

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "scratch index out of range")
            return base[index]
        }
        set {
            assert(index >= 0 && index < count, "scratch index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: max(capacity * 2, initialCapacity)) }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Keeps the first `newCount` elements.
    @inline(__always)
    mutating func truncate(to newCount: Int) {
        assert(newCount >= 0 && newCount <= count)
        count = newCount
    }

    /// Makes room for `minimumCapacity` elements without further growth.
    @inline(__always)
    mutating func reserve(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { grow(to: max(minimumCapacity, capacity * 2, initialCapacity)) }
    }

    /// Sets the count after the caller wrote `newCount` elements through `base` (at most
    /// the reserved capacity).
    @inline(__always)
    mutating func setCount(_ newCount: Int) {
        assert(newCount >= 0 && newCount <= capacity)
        count = newCount
    }

    /// Makes room for `newCount` elements and sets the count to it, for a caller that
    /// then writes every element through `base`.
    @inline(__always)
    mutating func setCountAfterReserving(_ newCount: Int) {
        reserve(newCount)
        count = newCount
    }

    /// Makes the stack `count` copies of `value`.
    mutating func fill(count newCount: Int, with value: Element) {
        reserve(newCount)
        base.initialize(repeating: value, count: newCount)
        count = newCount
    }

    /// The elements, for sorting and searching.
    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Exchanges the contents with `other` without copying.
    mutating func exchange(with other: inout ScratchStack<Element>) {
        let (b, c, n) = (base, capacity, count)
        (base, capacity, count) = (other.base, other.capacity, other.count)
        (other.base, other.capacity, other.count) = (b, c, n)
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if capacity > 0 {
            grown.initialize(from: base, count: count)
            base.deallocate()
        }
        base = grown
        capacity = newCapacity
    }
}
