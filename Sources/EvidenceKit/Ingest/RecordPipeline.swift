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
    var capacity = RecordPipeline.defaultCapacity

    /// Records prepared ahead of the writer. The writer works in bursts (a batch of the
    /// full-text index, a spill of its page cache) that take as long as preparing a few
    /// hundred abstracts; with fewer records in hand, each burst stalled the parser.
    static let defaultCapacity = 1024

    /// At most this much text (UTF-8 bytes of the records' blocks) waits for the writer,
    /// so that 1,024 long full-text articles cannot pile up in memory.
    static let textBudget = 8 << 20

    func run(path: String, consume: (PreparedEvent) throws -> Void) throws {
        let channel = Channel<PreparedEvent>(capacity: capacity, budget: RecordPipeline.textBudget)
        let (parser, tagger, progress) = (self.parser, self.tagger, self.progress)
        let producer = Thread {
            do {
                try ReadProgress.$current.withValue(progress) {
                    try parser.parse(path: path) { event in
                        let prepared = PreparedEvent(event, tagger: tagger)
                        guard channel.send(prepared, weight: prepared.textBytes) else { throw Channel<PreparedEvent>.Stopped() }
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
