import Foundation

/// A bounded hand-over between one producing and one consuming thread, bounded both in
/// elements and in their total weight (one element is always let through).
final class Channel<Element: Sendable>: @unchecked Sendable {
    /// Thrown inside the producer when the consumer has stopped.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private let budget: Int
    private var buffer: [Element] = []
    private var weight = 0
    private var finished = false
    private var failure: Error?
    private var stopped = false

    init(capacity: Int, budget: Int = .max) {
        self.capacity = capacity
        self.budget = budget
    }

    /// Waits for room and adds `element`; false when the consumer has stopped.
    func send(_ element: Element, weight elementWeight: Int = 0) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !buffer.isEmpty, buffer.count >= capacity || weight + elementWeight > budget, !stopped { condition.wait() }
        guard !stopped else { return false }
        buffer.append(element)
        weight += elementWeight
        condition.broadcast()
        return true
    }

    /// Marks the end of the elements, with the producer's error if it failed.
    func finish(throwing error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for elements and takes all that are there; nil at the end. Throws the
    /// producer's error once the elements sent before it are taken.
    func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty, !finished { condition.wait() }
        if !buffer.isEmpty {
            let taken = buffer
            buffer.removeAll(keepingCapacity: true)
            weight = 0
            condition.broadcast()
            return taken
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop and waits until it has finished.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        buffer.removeAll()
        weight = 0
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
