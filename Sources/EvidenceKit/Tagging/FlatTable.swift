/// An immutable array in memory of its own, for the tables of the term automaton.
///
/// The scan reads these tables several times per byte of text. Through a raw pointer a read
/// is one load: no bounds check, no reference counting, no exclusivity check. Every index the
/// scan uses is bounded by how the automaton was built (a byte, a masked hash, a symbol or
/// node number it created), which `assert` checks in debug builds.
final class FlatTable<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: max(elements.count, 1))
        _ = UnsafeMutableBufferPointer(start: base, count: elements.count).initialize(from: elements)
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "table index out of range")
        return base[index]
    }
}
