import Foundation
import GRDB
import Testing

@testable import EvidenceKit

/// Kills a real `evidence ingest` process in the middle of a large file and checks that
/// the corpus is exactly as it was before that file: per-file transactions in WAL mode.
@Suite("Interrupted ingest", .serialized)
struct InterruptedIngestTests {
    /// The `evidence` executable that `swift test` built beside the test bundle.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("evidence")
    }

    /// Writes a PubMed file of `copies` × the records of a real sample, each copy under new
    /// PMIDs (as `make-pubmed-baseline.py` does), large enough to be killed mid-way.
    static func largePubMedFile(in directory: URL, copies: Int) throws -> String {
        let sample = try String(contentsOfFile: Fixture.path("pubmed-xml/pubmed-29768149.xml"), encoding: .utf8)
        guard let start = sample.range(of: "<PubmedArticle>"), let end = sample.range(of: "</PubmedArticle>", options: .backwards)
        else { throw CocoaError(.fileReadCorruptFile) }
        let record = String(sample[start.lowerBound..<end.upperBound])
        var out = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
        out.reserveCapacity(record.utf8.count * copies)
        for copy in 0..<copies {
            let pmid = String(80_000_000 + copy)
            out += record.replacingOccurrences(of: ">29768149<", with: ">\(pmid)<")
                .replacingOccurrences(of: "10.1056/NEJMoa1800566", with: "10.9999/copy.\(copy)")
            out += "\n"
        }
        out += "</PubmedArticleSet>\n"
        let url = directory.appendingPathComponent("large.xml")
        try out.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func counts(_ database: CorpusDatabase) throws -> [Int] {
        let stats = try CorpusReader(database: database).statistics()
        return [stats.sources, stats.paragraphs, stats.passages, stats.references, stats.files]
    }

    @Test("kill -9 and Ctrl-C during a file leave the corpus as it was before that file", arguments: [SIGKILL, SIGINT])
    func interruptedFileIsRolledBack(signal: Int32) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the evidence executable first")
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dbPath = directory.appendingPathComponent("corpus.sqlite").path
        let large = try Self.largePubMedFile(in: directory, copies: 1500)

        let before = try CorpusDatabase(path: dbPath)
        let first = Ingester(database: before).ingest(paths: [Fixture.path("pubmed-xml/pubmed4.xml")])
        #expect(first.newSources == 1)
        let countsBefore = try counts(before)

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["ingest", "--quiet", "--db", dbPath, large]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let wal = dbPath + "-wal"
        let deadline = Date().addingTimeInterval(60)
        var walSize = 0
        while Date() < deadline, process.isRunning, walSize < 1_000_000 {
            Thread.sleep(forTimeInterval: 0.02)
            walSize = ((try? FileManager.default.attributesOfItem(atPath: wal)[.size]) as? NSNumber)?.intValue ?? 0
        }
        #expect(process.isRunning, "the ingest finished before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 130)
        }
        #expect(walSize >= 1_000_000, "the large file was being written when it was interrupted")

        let after = try CorpusDatabase(path: dbPath)
        #expect(try counts(after) == countsBefore)
        let integrity = try after.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let again = Ingester(database: after).ingest(paths: [large])
        #expect(again.succeeded)
        #expect(again.newSources == 1500)
    }
}
