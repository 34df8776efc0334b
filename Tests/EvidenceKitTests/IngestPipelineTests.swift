import Foundation
import GRDB
import Testing

@testable import EvidenceKit

/// The two-thread ingest (parse and prepare on one, store on the other) and the full-text
/// index the writer keeps in step with the passages.
@Suite("Ingest pipeline and full-text index")
struct IngestPipelineTests {
    static let medline = "pubmed-xml/medline16n0902.xml.gz"

    @Test("records reach the writer in file order, then the parse error that follows them")
    func parseErrorAfterRecords() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try Self.medlineText()
        let cut = try #require(Self.end(ofRecord: 100, in: text))
        let broken = String(text[..<cut]) + "\n<MedlineCitation><PMID>1</PMID><Broken></MedlineCitation>\n"
        let path = directory.appendingPathComponent("truncated.xml").path
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let brokenLine = broken.split(separator: "\n", omittingEmptySubsequences: false).count - 1

        var expected: [String] = []
        try PubMedParser().parse(path: Fixture.path(Self.medline)) { event in
            if case .record(let record) = event, expected.count < 100, let pmid = record.pmid { expected.append(pmid) }
        }
        var received: [String] = []
        let pipeline = RecordPipeline(parser: PubMedParser(), tagger: nil, progress: ReadProgress())
        #expect {
            try pipeline.run(path: path) { event in
                if case .record(let prepared) = event, let pmid = prepared.record.pmid { received.append(pmid) }
            }
        } throws: { error in
            guard case IngestError.malformed(let errorPath, let line, _) = error else { return false }
            return errorPath == path && line == brokenLine
        }
        #expect(received == expected)
    }

    @Test("a truncated file stores nothing, although records before the error were written")
    func truncatedFileIsRolledBack() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let text = try Self.medlineText()
        let cut = try #require(Self.end(ofRecord: 300, in: text))
        let path = corpus.directory.appendingPathComponent("truncated.xml").path
        try (String(text[..<cut]) + "\n<MedlineCitation><PMID>1</PMID><Broken>").write(toFile: path, atomically: true, encoding: .utf8)
        let summary = Ingester(database: corpus.database).ingest(paths: [path, Fixture.path("pubmed-xml/pubmed4.xml")])
        #expect(summary.failures.map(\.path) == [path])
        #expect(try corpus.sources().compactMap(\.metadata.pmid) == ["27797938"])
        #expect(try Self.fullTextIsConsistent(corpus.database))
    }

    @Test("an error of the writer stops the parser long before the end of the file")
    func writerErrorStopsParser() throws {
        struct WriterFailed: Error {}
        let counter = EventCounter()
        let parser = CountingParser(counter: counter)
        let pipeline = RecordPipeline(parser: parser, tagger: nil, progress: ReadProgress(), capacity: 8)
        var consumed = 0
        #expect(throws: WriterFailed.self) {
            try pipeline.run(path: Fixture.path(Self.medline)) { _ in
                consumed += 1
                if consumed == 3 { throw WriterFailed() }
            }
        }
        #expect(consumed == 3)
        #expect(counter.count <= 2 * pipeline.capacity + 2, "the parser is at most two buffers ahead when it is stopped")
        #expect(counter.count < 604)
    }

    @Test("the hand-over never holds more elements, or more weight, than it is allowed")
    func channelBounds() throws {
        for (capacity, budget, weight, largest) in [(3, Int.max, 1, 3), (100, 100, 60, 1), (100, 100, 30, 3)] {
            let channel = Channel<Int>(capacity: capacity, budget: budget)
            let producer = Thread {
                for value in 0..<200 { _ = channel.send(value, weight: weight) }
                channel.finish(throwing: nil)
            }
            producer.start()
            var received: [Int] = []
            var batches: [Int] = []
            while let batch = try channel.receive() {
                received += batch
                batches.append(batch.count)
            }
            #expect(received == Array(0..<200))
            #expect(batches.max() ?? 0 <= largest, "capacity \(capacity), budget \(budget), weight \(weight)")
        }
    }

    @Test("the full-text index follows the passages batch by batch and holds exactly them at the end")
    func fullTextBatches() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        var records: [SourceRecord] = []
        try PubMedParser().parse(path: Fixture.path(Self.medline)) { event in
            if case .record(let record) = event, records.count < 60 { records.append(record) }
        }
        let tallies = try corpus.database.pool.write { db in
            var writer = CorpusWriter(db: db, fullTextBatchSize: 25)
            var tallies: [(passages: Int, indexed: Int)] = []
            for record in records {
                _ = try writer.store(PreparedRecord(record, tagger: nil), from: "medline")
                tallies.append(try Self.passageAndIndexCounts(db))
            }
            try writer.finish()
            tallies.append(try Self.passageAndIndexCounts(db))
            return tallies
        }
        let final = try #require(tallies.last)
        #expect(final.passages > 100)
        #expect(final.indexed == final.passages)
        for tally in tallies.dropLast() {
            #expect(tally.passages - tally.indexed < 25 + 40, "never more than a batch and one record behind")
        }
        #expect(tallies.dropLast().contains { $0.indexed > 0 && $0.indexed < final.passages }, "batches are indexed before the end")
        #expect(try Self.fullTextIsConsistent(corpus.database))
        let (found, containing) = try Self.searchCounts("mismatch", in: corpus.database)
        #expect(found > 0)
        #expect(found == containing)
    }

    @Test("a record replaced later in the same file leaves no words of its first version in the index")
    func replacedInSameFile() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let original = try String(contentsOfFile: Fixture.path("pubmed-xml/pubmed4.xml"), encoding: .utf8)
        let start = try #require(original.range(of: "<PubmedArticle>"))
        let end = try #require(original.range(of: "</PubmedArticle>"))
        let article = String(original[start.lowerBound..<end.upperBound])
        let word = "quintiles"
        #expect(article.contains(word))
        let revised = article.replacingOccurrences(of: word, with: "zygomycosis")
        let path = corpus.directory.appendingPathComponent("revised.xml").path
        try "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n\(article)\n\(revised)\n</PubmedArticleSet>\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let summary = Ingester(database: corpus.database).ingest(paths: [path])
        #expect(summary.newSources == 1)
        #expect(summary.updatedSources == 1)
        #expect(try Self.fullTextIsConsistent(corpus.database))
        #expect(try Self.searchCounts(word, in: corpus.database) == (0, 0))
        let (found, containing) = try Self.searchCounts("zygomycosis", in: corpus.database)
        #expect(found > 0)
        #expect(found == containing)
    }

    // MARK: - Helpers

    /// The MEDLINE fixture's XML, inflated.
    static func medlineText() throws -> String {
        String(decoding: try TextFile.read(path: Fixture.path(medline)), as: UTF8.self)
    }

    /// The index just after the `count`-th `</MedlineCitation>`.
    static func end(ofRecord count: Int, in text: String) -> String.Index? {
        var position = text.startIndex
        for _ in 0..<count {
            guard let close = text.range(of: "</MedlineCitation>", range: position..<text.endIndex) else { return nil }
            position = close.upperBound
        }
        return position
    }

    static func passageAndIndexCounts(_ db: Database) throws -> (passages: Int, indexed: Int) {
        (
            try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? 0,
            try Int.fetchOne(db, sql: "SELECT count(*) FROM passage_ft_docsize") ?? 0
        )
    }

    /// FTS5's own check of an external-content index against its table: it fails when a
    /// passage is missing from the index or the index holds words of a deleted one.
    static func fullTextIsConsistent(_ database: CorpusDatabase) throws -> Bool {
        do {
            try database.pool.write { db in
                try db.execute(sql: "INSERT INTO passage_ft(passage_ft, rank) VALUES ('integrity-check', 1)")
            }
            return true
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            return false
        }
    }

    /// Passages the full-text index finds for `word`, and passages whose text contains it.
    static func searchCounts(_ word: String, in database: CorpusDatabase) throws -> (found: Int, containing: Int) {
        try database.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM passage_ft WHERE passage_ft MATCH ?", arguments: [word]) ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM passage WHERE text LIKE ?", arguments: ["%\(word)%"]) ?? -1
            )
        }
    }
}

/// Counts the events a parser produced, from the parser's thread.
private final class EventCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    func increment() {
        lock.withLock { value += 1 }
    }
}

private struct CountingParser: RecordParser {
    let counter: EventCounter

    func parse(path: String, handle: (ParseEvent) throws -> Void) throws {
        try PubMedParser().parse(path: path) { event in
            counter.increment()
            try handle(event)
        }
    }
}
