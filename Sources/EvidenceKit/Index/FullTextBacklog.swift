import GRDB

/// The passages written in the current transaction that are not yet in the full-text index.
///
/// New passages are indexed with one `INSERT … SELECT` per batch instead of a trigger per
/// insert statement: FTS5 writes a new index segment at the end of every statement that
/// touches it, so a trigger made one segment per source (see the v2 migration). Batches
/// are indexed as they fill up rather than all at the end of a file, so that indexing
/// overlaps with the parsing of the records that follow. The backlog must be indexed
/// before any passage is deleted, because the delete trigger removes the passage's words
/// from the index and they must be there to be removed.
struct FullTextBacklog {
    /// Passages per batch by default: few index segments, and no long pause at the end.
    static let defaultBatchSize = 10_000

    private let batchSize: Int
    /// The smallest passage id not yet indexed; every passage from it on is new, since
    /// SQLite gives a new row the largest rowid plus one.
    private var firstUnindexed: Int64?
    private var pending = 0

    init(batchSize: Int = FullTextBacklog.defaultBatchSize) {
        self.batchSize = batchSize
    }

    /// Notes that `count` passages from `firstID` on were written; indexes the backlog
    /// when a batch is full.
    mutating func wrote(_ count: Int, from firstID: Int64, in db: Database) throws {
        if firstUnindexed == nil { firstUnindexed = firstID }
        pending += count
        if pending >= batchSize { try index(db) }
    }

    /// Indexes every passage written since the last call.
    mutating func index(_ db: Database) throws {
        guard let first = firstUnindexed else { return }
        try db.cachedStatement(sql: "INSERT INTO passage_ft(rowid, text) SELECT id, text FROM passage WHERE id >= ?")
            .execute(arguments: [first])
        firstUnindexed = nil
        pending = 0
    }
}
