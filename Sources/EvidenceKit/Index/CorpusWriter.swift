import Foundation
import GRDB

/// Writes records into the corpus inside a transaction the caller owns (one per file), so
/// that a failed or interrupted file leaves the corpus exactly as it was before it.
struct CorpusWriter {
    let db: Database

    /// The passages a store wrote, with their row ids, for the tagger.
    struct WrittenText {
        var sourceID: Int64
        var passages: [(id: Int64, passage: Passage)]
    }

    /// Stores `record`, read from `path`, as a new source or into the source it matches.
    /// Returns the outcome and, when the source's text was (re)written, its passages.
    func store(_ record: SourceRecord, from path: String) throws -> (IngestOutcome, WrittenText?) {
        let keys = SourceKeys(record: record)
        let hash = record.contentHash
        if let known = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT source_id FROM source_file WHERE path = ? AND content_hash = ? LIMIT 1"),
            arguments: [path, hash])
        {
            return (.unchanged(sourceID: known), nil)
        }
        guard let existing = try findMatch(for: keys) else {
            let id = try insertSource(record, keys: keys)
            let written = try writeText(of: record, sourceID: id)
            try recordFile(path, format: record.format, hash: hash, sourceID: id)
            return (.new(sourceID: id), written)
        }
        let known = try String.fetchOne(
            db, sql: "SELECT content_hash FROM source_file WHERE source_id = ? AND path = ?",
            arguments: [existing.id, path])
        if known == hash { return (.unchanged(sourceID: existing.id), nil) }

        let sameFileChanged = known != nil
        let richer = record.richness > existing.richness
        let merged = CorpusWriter.merge(existing.metadata, with: record, preferIncoming: richer || sameFileChanged)
        var written: WrittenText?
        if richer || sameFileChanged {
            try db.execute(sql: "DELETE FROM paragraph WHERE source_id = ?", arguments: [existing.id])
            try db.execute(sql: "DELETE FROM reference WHERE source_id = ?", arguments: [existing.id])
            try db.execute(sql: "DELETE FROM tagging_state WHERE source_id = ?", arguments: [existing.id])
            written = try writeText(of: record, sourceID: existing.id)
        }
        let metadataChanged = merged != existing.metadata
        if metadataChanged || written != nil {
            try updateSource(existing.id, metadata: merged, richness: max(existing.richness, record.richness))
        }
        try recordFile(path, format: record.format, hash: hash, sourceID: existing.id)
        return (.updated(sourceID: existing.id), written)
    }

    /// Removes the sources with these PMIDs (PubMed `DeleteCitation`); returns how many.
    func delete(pmids: [String]) throws -> Int {
        var removed = 0
        for pmid in pmids.compactMap(Identifiers.normalizedPMID) {
            try db.execute(sql: "DELETE FROM source WHERE pmid = ?", arguments: [pmid])
            removed += db.changesCount
        }
        return removed
    }

    // MARK: - Matching

    private struct Existing {
        var id: Int64
        var richness: Int
        var metadata: SourceRecord
    }

    /// The source this record is a copy of, if any. Each identifier is an indexed equality
    /// lookup, tried in order of reliability; titles are compared last and only against
    /// sources whose identifiers do not contradict the record's, so that thousands of
    /// papers sharing a title ("Editorial") cost one short index scan, not a full decode.
    private func findMatch(for keys: SourceKeys) throws -> Existing? {
        let columns = "id, pmid, doi, pmcid, title_key, year"
        var lookups: [(sql: String, arguments: StatementArguments)] = []
        if let pmid = keys.pmid { lookups.append(("SELECT \(columns) FROM source WHERE pmid = ? LIMIT 8", [pmid])) }
        if let doi = keys.doi { lookups.append(("SELECT \(columns) FROM source WHERE doi = ? LIMIT 8", [doi])) }
        if let pmcid = keys.pmcid { lookups.append(("SELECT \(columns) FROM source WHERE pmcid = ? LIMIT 8", [pmcid])) }
        if keys.titleKey.count >= SourceKeys.minimumTitleKeyLength {
            lookups.append(
                ("""
                SELECT \(columns) FROM source WHERE title_key = ?
                AND (pmid IS NULL OR ?2 IS NULL OR pmid = ?2)
                AND (doi IS NULL OR ?3 IS NULL OR doi = ?3)
                AND (pmcid IS NULL OR ?4 IS NULL OR pmcid = ?4) LIMIT 8
                """, [keys.titleKey, keys.pmid, keys.doi, keys.pmcid]))
        }
        for lookup in lookups {
            for row in try Row.fetchAll(db.cachedStatement(sql: lookup.sql), arguments: lookup.arguments) {
                let candidate = SourceKeys(
                    pmid: row["pmid"], doi: row["doi"], pmcid: row["pmcid"], titleKey: row["title_key"], year: row["year"])
                guard keys.matchRank(against: candidate) != nil else { continue }
                return try existing(id: row["id"])
            }
        }
        return nil
    }

    private func existing(id: Int64) throws -> Existing? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, richness, metadata FROM source WHERE id = ?"), arguments: [id])
        else { return nil }
        return Existing(id: row["id"], richness: row["richness"], metadata: try MetadataCoding.decode(row["metadata"]))
    }

    // MARK: - Writing

    private func insertSource(_ record: SourceRecord, keys: SourceKeys) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO source (pmid, pmcid, doi, title, title_key, year, format, richness, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            keys.pmid, keys.pmcid, keys.doi, record.title, keys.titleKey, record.year,
            record.format.rawValue, record.richness, try MetadataCoding.encode(record),
        ])
        return db.lastInsertedRowID
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
                metadata.format.rawValue, richness, try MetadataCoding.encode(metadata), id,
            ])
    }

    private func recordFile(_ path: String, format: SourceFormat, hash: String, sourceID: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO source_file (source_id, path, format, content_hash) VALUES (?, ?, ?, ?)
                ON CONFLICT (source_id, path) DO UPDATE SET format = excluded.format, content_hash = excluded.content_hash
                """
        ).execute(arguments: [sourceID, path, format.rawValue, hash])
    }

    private func writeText(of record: SourceRecord, sourceID: Int64) throws -> WrittenText {
        let passages = PassageBuilder.passages(for: record)
        let firstParagraph = try BatchInsert(
            db: db, table: "paragraph", columns: ["source_id", "position", "kind", "section", "text"]
        ).insert(
            record.blocks.enumerated().map { position, block in
                [sourceID, position, block.kind.rawValue, block.section, block.text]
            })
        var written = WrittenText(sourceID: sourceID, passages: [])
        if let firstParagraph {
            let stored = passages.filter { record.blocks.indices.contains($0.paragraph) }
            let firstPassage = try BatchInsert(
                db: db, table: "passage",
                columns: ["source_id", "paragraph_id", "position", "kind", "section", "start", "end", "text"]
            ).insert(
                stored.map { passage in
                    [
                        sourceID, firstParagraph + Int64(passage.paragraph), passage.index, passage.kind.rawValue,
                        passage.section, passage.start, passage.end, passage.text,
                    ]
                })
            if let firstPassage {
                written.passages = stored.enumerated().map { (firstPassage + Int64($0), $1) }
            }
        }
        try BatchInsert(db: db, table: "reference", columns: ["source_id", "position", "text"])
            .insert(record.references.enumerated().map { [sourceID, $0, $1] })
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

/// The bibliographic part of a record as stored in `source.metadata` (JSON without text).
enum MetadataCoding {
    static func encode(_ record: SourceRecord) throws -> String {
        var metadata = record
        metadata.blocks = []
        metadata.references = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> SourceRecord {
        try JSONDecoder().decode(SourceRecord.self, from: Data(json.utf8))
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
