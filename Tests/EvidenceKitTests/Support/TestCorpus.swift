import Foundation

@testable import EvidenceKit

/// A corpus in a fresh temporary folder, removed when the test is done.
struct TestCorpus {
    let directory: URL
    let database: CorpusDatabase

    init() throws {
        directory = try Fixture.temporaryDirectory()
        database = try CorpusDatabase(path: directory.appendingPathComponent("corpus.sqlite").path)
    }

    func ingest(_ relativePaths: String..., tagger: (any PassageTagging)? = nil) -> IngestSummary {
        Ingester(database: database, tagger: tagger).ingest(paths: relativePaths.map(Fixture.path))
    }

    func sources() throws -> [StoredSource] {
        try CorpusReader(database: database).sources()
    }

    func statistics() throws -> CorpusStatistics {
        try CorpusReader(database: database).statistics()
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
