import Foundation
import GRDB

/// Writes records into the corpus inside a transaction the caller owns (one per file), so
/// that a failed or interrupted file leaves the corpus exactly as it was before it.
struct CorpusWriter {
    let db: Database
    private var fullText: FullTextBacklog
    private let paragraphInsert: BatchInsert
    private let passageInsert: BatchInsert
    private let referenceInsert: BatchInsert
    private let sourceInsert: BatchInsert
    private let fileInsert: BatchInsert
    /// Whether each path had provenance rows before this transaction; a new file's records
    /// need no check for an unchanged copy of themselves.
    private var pathHistory: [String: Bool] = [:]

    /// `fullTextBatchSize`: see `FullTextBacklog`.
    init(db: Database, fullTextBatchSize: Int = FullTextBacklog.defaultBatchSize) {
        self.db = db
        fullText = FullTextBacklog(batchSize: fullTextBatchSize)
        paragraphInsert = BatchInsert(db: db, table: "paragraph", columns: ["source_id", "position", "kind", "section", "text"])
        passageInsert = BatchInsert(
            db: db, table: "passage", columns: ["source_id", "paragraph_id", "position", "kind", "section", "start", "end", "text"])
        referenceInsert = BatchInsert(db: db, table: "reference", columns: ["source_id", "position", "text"])
        sourceInsert = BatchInsert(
            db: db, table: "source",
            columns: ["pmid", "pmcid", "doi", "title", "title_key", "year", "format", "richness", "metadata"])
        fileInsert = BatchInsert(
            db: db, table: "source_file", columns: ["source_id", "path", "format", "content_hash"],
            conflictClause: "ON CONFLICT (source_id, path) DO UPDATE SET format = excluded.format, content_hash = excluded.content_hash")
    }

    /// The passages a store wrote, with their row ids, for the tagger.
    struct WrittenText {
        var sourceID: Int64
        var passages: [(id: Int64, passage: Passage)]
    }

    /// Stores `prepared`, read from `path`, as a new source or into the source it matches.
    /// Returns the outcome and, when the source's text was (re)written, its passages.
    mutating func store(_ prepared: PreparedRecord, from path: String) throws -> (IngestOutcome, WrittenText?) {
        let record = prepared.record
        let keys = prepared.keys
        let hash = prepared.contentHash
        if try hasHistory(path), let known = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT source_id FROM source_file WHERE path = ? AND content_hash = ? LIMIT 1"),
            arguments: [path, hash])
        {
            return (.unchanged(sourceID: known), nil)
        }
        guard let existing = try findMatch(for: keys) else {
            let id = try insertSource(prepared)
            let written = try writeText(of: prepared, sourceID: id)
            try recordFile(path, format: record.format, hash: hash, sourceID: id)
            return (.new(sourceID: id), written)
        }
        let known = try String.fetchOne(
            db.cachedStatement(sql: "SELECT content_hash FROM source_file WHERE source_id = ? AND path = ?"),
            arguments: [existing.id, path])
        if known == hash { return (.unchanged(sourceID: existing.id), nil) }

        let sameFileChanged = known != nil
        let richer = prepared.richness > existing.richness
        let merged = CorpusWriter.merge(existing.metadata, with: record, preferIncoming: richer || sameFileChanged)
        var written: WrittenText?
        if richer || sameFileChanged {
            try fullText.index(db)
            try db.execute(sql: "DELETE FROM paragraph WHERE source_id = ?", arguments: [existing.id])
            try db.execute(sql: "DELETE FROM reference WHERE source_id = ?", arguments: [existing.id])
            try db.execute(sql: "DELETE FROM tagging_state WHERE source_id = ?", arguments: [existing.id])
            written = try writeText(of: prepared, sourceID: existing.id)
        }
        let metadataChanged = merged != existing.metadata
        if metadataChanged || written != nil {
            try updateSource(existing.id, metadata: merged, richness: max(existing.richness, prepared.richness))
        }
        try recordFile(path, format: record.format, hash: hash, sourceID: existing.id)
        return (.updated(sourceID: existing.id), written)
    }

    /// Removes the sources with these PMIDs (PubMed `DeleteCitation`); returns how many.
    mutating func delete(pmids: [String]) throws -> Int {
        try fullText.index(db)
        var removed = 0
        for pmid in pmids.compactMap(Identifiers.normalizedPMID) {
            try db.execute(sql: "DELETE FROM source WHERE pmid = ?", arguments: [pmid])
            removed += db.changesCount
        }
        return removed
    }

    /// Completes what was written: adds the new passages to the full-text index. Call it
    /// before the transaction commits.
    mutating func finish() throws {
        try fullText.index(db)
    }

    // MARK: - Matching

    private struct Existing {
        var id: Int64
        var richness: Int
        var metadata: SourceRecord
    }

    /// The source this record is a copy of, if any: of the candidates `SourceLookup`
    /// finds, the strongest match (PMID, DOI, PMCID, then title with a compatible year),
    /// the oldest source among equals.
    private func findMatch(for keys: SourceKeys) throws -> Existing? {
        guard let lookup = SourceLookup(keys: keys) else { return nil }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: lookup.sql), arguments: lookup.arguments)
        var best: (rank: Int, id: Int64)?
        while let row = try rows.next() {
            let candidate = SourceKeys(pmid: row[1], doi: row[2], pmcid: row[3], titleKey: row[4], year: row[5])
            guard let rank = keys.matchRank(against: candidate), rank < (best?.rank ?? Int.max) else { continue }
            best = (rank, row[0])
        }
        return try best.flatMap { try existing(id: $0.id) }
    }

    private func existing(id: Int64) throws -> Existing? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, richness, metadata FROM source WHERE id = ?"), arguments: [id])
        else { return nil }
        return Existing(id: row["id"], richness: row["richness"], metadata: try MetadataCoding.decode(row["metadata"]))
    }

    // MARK: - Writing

    private func insertSource(_ prepared: PreparedRecord) throws -> Int64 {
        try sourceInsert.insert([prepared]) { prepared, values in
            values.bind(prepared.keys.pmid)
            values.bind(prepared.keys.pmcid)
            values.bind(prepared.keys.doi)
            values.bind(prepared.record.title)
            values.bind(prepared.keys.titleKey)
            values.bind(prepared.record.year)
            values.bind(prepared.record.format.rawValue)
            values.bind(prepared.richness)
            values.bind(prepared.metadata)
        }
        return db.lastInsertedRowID
    }

    private mutating func hasHistory(_ path: String) throws -> Bool {
        if let known = pathHistory[path] { return known }
        let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM source_file WHERE path = ?)", arguments: [path]) ?? true
        pathHistory[path] = known
        return known
    }

    private func updateSource(_ id: Int64, metadata: SourceRecord, richness: Int) throws {
        let keys = SourceKeys(record: metadata)
        try db.execute(
            sql: """
                UPDATE source SET pmid = ?, pmcid = ?, doi = ?, title = ?, title_key = ?, year = ?,
                    format = ?, richness = ?, metadata = ? WHERE id = ?
                """,
            arguments: [
                keys.pmid, keys.pmcid, keys.doi, metadata.title, keys.titleKey, metadata.year,
                metadata.format.rawValue, richness, MetadataCoding.encode(metadata), id,
            ])
    }

    private func recordFile(_ path: String, format: SourceFormat, hash: String, sourceID: Int64) throws {
        try fileInsert.insert([sourceID]) { sourceID, values in
            values.bind(sourceID)
            values.bind(path)
            values.bind(format.rawValue)
            values.bind(hash)
        }
    }

    private mutating func writeText(of prepared: PreparedRecord, sourceID: Int64) throws -> WrittenText {
        let (record, passages) = (prepared.record, prepared.passages)
        let firstParagraph = try paragraphInsert.insert(Array(record.blocks.enumerated())) { row, values in
            values.bind(sourceID)
            values.bind(row.offset)
            values.bind(row.element.kind.rawValue)
            values.bind(row.element.section)
            values.bind(row.element.text)
        }
        var written = WrittenText(sourceID: sourceID, passages: [])
        if let firstParagraph {
            let stored = passages.filter { record.blocks.indices.contains($0.paragraph) }
            let firstPassage = try passageInsert.insert(stored) { passage, values in
                values.bind(sourceID)
                values.bind(firstParagraph + Int64(passage.paragraph))
                values.bind(passage.index)
                values.bind(passage.kind.rawValue)
                values.bind(passage.section)
                values.bind(passage.start)
                values.bind(passage.end)
                values.bind(passage.text)
            }
            if let firstPassage {
                try fullText.wrote(stored.count, from: firstPassage, in: db)
                written.passages = stored.enumerated().map { (firstPassage + Int64($0), $1) }
            }
        }
        try referenceInsert.insert(Array(record.references.enumerated())) { row, values in
            values.bind(sourceID)
            values.bind(row.offset)
            values.bind(row.element)
        }
        return written
    }

    // MARK: - Merging

    /// Combines what the corpus knows of a paper with a new copy of it: the richer copy's
    /// values win, and each side fills what the other lacks. Text is handled separately.
    static func merge(_ existing: SourceRecord, with incoming: SourceRecord, preferIncoming: Bool) -> SourceRecord {
        let (primary, secondary) = preferIncoming ? (incoming, existing) : (existing, incoming)
        func pick<T>(_ path: KeyPath<SourceRecord, T?>) -> T? { primary[keyPath: path] ?? secondary[keyPath: path] }
        func pickList<T>(_ path: KeyPath<SourceRecord, [T]>) -> [T] {
            primary[keyPath: path].isEmpty ? secondary[keyPath: path] : primary[keyPath: path]
        }
        var merged = primary
        merged.blocks = []
        merged.references = []
        merged.pmid = pick(\.pmid)
        merged.pmcid = pick(\.pmcid)
        merged.doi = pick(\.doi)
        merged.journal = pick(\.journal)
        merged.journalAbbreviation = pick(\.journalAbbreviation)
        merged.year = pick(\.year)
        merged.volume = pick(\.volume)
        merged.issue = pick(\.issue)
        merged.pages = pick(\.pages)
        merged.language = pick(\.language)
        merged.licence = pick(\.licence)
        merged.authors = pickList(\.authors)
        merged.authorListIncomplete = merged.authors == primary.authors ? primary.authorListIncomplete : secondary.authorListIncomplete
        merged.publicationTypes = pickList(\.publicationTypes)
        merged.meshHeadings = pickList(\.meshHeadings)
        merged.keywords = pickList(\.keywords)
        if merged.title.isEmpty { merged.title = secondary.title }
        return merged
    }
}

/// Decoded metadata by its stored JSON text, so that a search that returns the same
/// sources again does not decode them again; an edited source has new text and misses.
final class MetadataCache: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String: SourceRecord] = [:]
    private let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    func decode(_ json: String) throws -> SourceRecord {
        if let cached = lock.withLock({ records[json] }) { return cached }
        let record = try MetadataCoding.decode(json)
        lock.withLock {
            if records.count >= capacity { records.removeAll(keepingCapacity: true) }
            records[json] = record
        }
        return record
    }
}
