import Foundation

/// Parses and prepares a file's records on a second thread while the calling thread
/// stores them: the two halves of an ingest take about the same time, so on two cores a
/// large file ingests in about half the time.
///
/// Records reach the caller in file order. A parse error reaches the caller as the error
/// of `run` after the records before it; an error of the caller stops the parser, and
/// `run` returns only once the parser's thread is done with the file.
struct RecordPipeline {
    let parser: any RecordParser
    let tagger: (any PassageTagging)?
    let progress: ReadProgress

    /// Records prepared ahead of the writer; enough to even out uneven records, few
    /// enough to keep memory flat.
    static let capacity = 64

    func run(path: String, consume: (PreparedEvent) throws -> Void) throws {
        let channel = Channel<PreparedEvent>(capacity: RecordPipeline.capacity)
        let (parser, tagger, progress) = (self.parser, self.tagger, self.progress)
        let producer = Thread {
            do {
                try ReadProgress.$current.withValue(progress) {
                    try parser.parse(path: path) { event in
                        guard channel.send(PreparedEvent(event, tagger: tagger)) else { throw Channel<PreparedEvent>.Stopped() }
                    }
                }
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
        producer.stackSize = 8 << 20
        producer.start()
        do {
            while let events = try channel.receive() {
                for event in events { try consume(event) }
            }
        } catch {
            channel.stop()
            throw error
        }
    }
}

/// A bounded hand-over between one producing and one consuming thread.
final class Channel<Element: Sendable>: @unchecked Sendable {
    /// Thrown inside the producer when the consumer has stopped.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [Element] = []
    private var finished = false
    private var failure: Error?
    private var stopped = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room and adds `element`; false when the consumer has stopped.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity, !stopped { condition.wait() }
        guard !stopped else { return false }
        buffer.append(element)
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
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
