import GRDB

/// Read access to the corpus: listings, one source with its passages, statistics.
public struct CorpusReader: Sendable {
    public let database: CorpusDatabase

    public init(database: CorpusDatabase) {
        self.database = database
    }

    /// All sources, ordered by id (the order they entered the corpus).
    public func sources() throws -> [StoredSource] {
        try database.pool.read { db in
            let files = try CorpusReader.filesBySource(db)
            let counts = try Dictionary(
                Row.fetchAll(db, sql: "SELECT source_id, count(*) AS n FROM passage GROUP BY source_id")
                    .map { ($0["source_id"] as Int64, $0["n"] as Int) },
                uniquingKeysWith: { first, _ in first })
            return try Row.fetchAll(db, sql: "SELECT id, metadata FROM source ORDER BY id").map { row in
                let id: Int64 = row["id"]
                return StoredSource(
                    id: id, metadata: try MetadataCoding.decode(row["metadata"]), files: files[id] ?? [],
                    passageCount: counts[id] ?? 0)
            }
        }
    }

    /// One source and its passages in reading order; throws `CorpusError.noSuchSource`.
    public func source(id: Int64) throws -> (source: StoredSource, passages: [StoredPassage], references: [String]) {
        try database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, metadata FROM source WHERE id = ?", arguments: [id])
            else { throw CorpusError.noSuchSource(String(id)) }
            let files = try String.fetchAll(
                db, sql: "SELECT path FROM source_file WHERE source_id = ? ORDER BY path", arguments: [id])
            let passages = try CorpusReader.passages(db, sourceID: id)
            let references = try String.fetchAll(
                db, sql: "SELECT text FROM reference WHERE source_id = ? ORDER BY position", arguments: [id])
            let source = StoredSource(
                id: id, metadata: try MetadataCoding.decode(row["metadata"]), files: files,
                passageCount: passages.count)
            return (source, passages, references)
        }
    }

    /// Counts by format, year and passage kind, and the size of the database.
    public func statistics() throws -> CorpusStatistics {
        let bytes = database.sizeInBytes
        return try database.pool.read { db in
            func grouped(_ sql: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) {
                    let key: String? = row[0]
                    result[key ?? "unknown", default: 0] += row[1] as Int
                }
                return result
            }
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return CorpusStatistics(
                sources: try count("SELECT count(*) FROM source"),
                sourcesByFormat: try grouped("SELECT format, count(*) FROM source GROUP BY format"),
                sourcesByYear: try grouped("SELECT CAST(year AS TEXT), count(*) FROM source GROUP BY year"),
                paragraphs: try count("SELECT count(*) FROM paragraph"),
                passages: try count("SELECT count(*) FROM passage"),
                passagesByKind: try grouped("SELECT kind, count(*) FROM passage GROUP BY kind"),
                references: try count("SELECT count(*) FROM reference"),
                taggedPassages: try count("SELECT count(DISTINCT passage_id) FROM tag"),
                files: try count("SELECT count(DISTINCT path) FROM source_file"),
                databaseBytes: bytes)
        }
    }

    static func filesBySource(_ db: Database) throws -> [Int64: [String]] {
        var files: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT source_id, path FROM source_file ORDER BY source_id, path") {
            files[row["source_id"], default: []].append(row["path"])
        }
        return files
    }

    static func passages(_ db: Database, sourceID: Int64) throws -> [StoredPassage] {
        try Row.fetchAll(
            db,
            sql: passageSelect + " WHERE p.source_id = ? ORDER BY p.position",
            arguments: [sourceID]
        ).map(CorpusReader.storedPassage)
    }

    /// The columns `storedPassage` reads, with the paragraph join that gives its position.
    static let passageSelect = """
        SELECT p.id, p.source_id, p.position, p.kind, p.section, p.start, p."end", p.text, g.position AS paragraph
        FROM passage p JOIN paragraph g ON g.id = p.paragraph_id
        """

    static func storedPassage(_ row: Row) -> StoredPassage {
        let kind = PassageKind(rawValue: row["kind"]) ?? .body
        return StoredPassage(
            id: row["id"], sourceID: row["source_id"],
            passage: Passage(
                kind: kind, section: row["section"], paragraph: row["paragraph"], index: row["position"],
                text: row["text"], start: row["start"], end: row["end"]))
    }
}
