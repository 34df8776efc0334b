import GRDB

/// Applies a codebook to the passages already in the corpus (`evidence tag`).
///
/// Each source remembers the hash of the codebook that tagged it; a source whose
/// passages and codebook are both unchanged is skipped, so re-running is cheap.
public struct CorpusTagging: Sendable {
    public let database: CorpusDatabase

    public init(database: CorpusDatabase) {
        self.database = database
    }

    /// What a tagging run did.
    public struct Summary: Codable, Equatable, Sendable {
        public var sourcesTagged = 0
        public var sourcesSkipped = 0
        public var passagesTagged = 0
        public var passagesWithLabels = 0
    }

    /// Tags every source not yet tagged with this codebook (all of them with `force`).
    public func tagCorpus(with tagger: any PassageTagging, force: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        try database.pool.write { db in
            var summary = Summary()
            let sourceIDs = try Int64.fetchAll(db, sql: "SELECT id FROM source ORDER BY id")
            let done = try Set(
                Int64.fetchAll(db, sql: "SELECT source_id FROM tagging_state WHERE codebook_hash = ?", arguments: [tagger.codebookHash]))
            let writer = TagWriter(db: db)
            for (index, id) in sourceIDs.enumerated() {
                progress?(index, sourceIDs.count)
                if !force, done.contains(id) {
                    summary.sourcesSkipped += 1
                    continue
                }
                let passages = try CorpusReader.passages(db, sourceID: id)
                let written = CorpusWriter.WrittenText(sourceID: id, passages: passages.map { ($0.id, $0.passage) })
                summary.passagesWithLabels += try writer.tag(written, with: tagger, replacing: true)
                summary.passagesTagged += passages.count
                summary.sourcesTagged += 1
            }
            return summary
        }
    }
}
