import Foundation

/// Tagging runs that have finished, kept by a `Tagger` for its next sources.
///
/// A run's lists grow to the largest source it has seen; a fresh run per source would
/// allocate them all again, some twenty allocations for every source of a corpus. Runs are
/// taken and given back under a lock, so a tagger shared between threads hands each thread
/// a run of its own.
final class TagRunPool: @unchecked Sendable {
    /// A spare run; a class, as an array cannot hold the non-copyable run itself.
    private final class Spare {
        var run: TagRun?
        init(_ run: consuming TagRun) { self.run = consume run }
    }

    private let compiled: CompiledCodebook
    private let lock = NSLock()
    private var spares: [Spare] = []

    /// More than the threads that tag at once; a run given back beyond that is freed.
    static let limit = 8

    init(compiled: CompiledCodebook) {
        self.compiled = compiled
    }

    /// Runs `body` on a run readied for `passages` (a spare one, or a new one), then keeps
    /// the run for the next source.
    func withRun<Result>(passages: [Passage], explain: Bool, _ body: (inout TagRun) -> Result) -> Result {
        var run = take()
        run.begin(passages: passages, explain: explain)
        let result = body(&run)
        run.end()
        giveBack(run)
        return result
    }

    /// A spare run, or a new one.
    private func take() -> TagRun {
        lock.lock()
        let spare = spares.popLast()
        lock.unlock()
        if let run = spare?.run.take() { return run }
        return TagRun(compiled: compiled)
    }

    /// Keeps `run` for a later `take`.
    private func giveBack(_ run: consuming TagRun) {
        let spare = Spare(run)
        lock.lock()
        defer { lock.unlock() }
        if spares.count < Self.limit { spares.append(spare) }
    }
}
