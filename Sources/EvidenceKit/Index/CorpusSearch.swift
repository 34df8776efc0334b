import Foundation
import GRDB

/// Finds passages by words (full-text, ranked by bm25) and by their labels, and collects
/// the tagged passages that the evidence map and summary table are built from.
public struct CorpusSearch: Sendable {
    public let database: CorpusDatabase
    private let metadata = MetadataCache()

    public init(database: CorpusDatabase) {
        self.database = database
    }

    /// Passages matching `query`: by relevance when words are given, else by source and position.
    ///
    /// The query runs in two steps so that its cost follows the number of hits kept, not the
    /// number of matches: first the ids are ranked (bm25) and filtered with nothing but the
    /// columns the filters need; then only the kept passages are read, highlighted and
    /// joined with their sources and labels.
    public func search(_ query: SearchQuery) throws -> [EvidencePassage] {
        let words = query.words?.trimmingSpaces ?? ""
        let ranked = !words.isEmpty
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var sql: String
        if ranked {
            sql = "SELECT p.id, -bm25(passage_ft) AS score FROM passage_ft JOIN passage p ON p.id = passage_ft.rowid"
            conditions.append("passage_ft MATCH ?")
            arguments += [words]
        } else {
            sql = "SELECT p.id, 0.0 AS score FROM passage p"
        }
        if query.years != nil { sql += " JOIN source s ON s.id = p.source_id" }
        for (dimension, labels) in [("factor", query.factors), ("actor", query.actors), ("direction", query.direction.map { [$0] } ?? [])] {
            for label in labels {
                conditions.append("EXISTS (SELECT 1 FROM tag t WHERE t.passage_id = p.id AND t.dimension = ? AND t.label = ?)")
                arguments += [dimension, label]
            }
        }
        if let section = query.section, !section.isEmpty {
            conditions.append("p.section LIKE ? ESCAPE '\\'")
            arguments += ["%" + CorpusSearch.escapeLike(section) + "%"]
        }
        if let years = query.years {
            conditions.append("s.year BETWEEN ? AND ?")
            arguments += [years.lowerBound, years.upperBound]
        }
        if let sourceID = query.sourceID {
            conditions.append("p.source_id = ?")
            arguments += [sourceID]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += ranked ? " ORDER BY bm25(passage_ft)" : " ORDER BY p.source_id, p.position"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }

        return try database.pool.read { db in
            let hits: [(id: Int64, score: Double)]
            do {
                hits = try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0["id"], $0["score"]) }
            } catch let error as DatabaseError where ranked && CorpusSearch.isQuerySyntaxError(error) {
                throw SearchError.invalidWords(words, reason: error.message ?? "syntax error")
            }
            let ids = hits.map(\.id)
            let passages = try CorpusSearch.passages(db, ids: ids)
            let highlights = ranked ? try CorpusSearch.highlights(db, words: words, ids: ids) : [:]
            let tags = try CorpusSearch.tags(db, passageIDs: ids)
            let sources = try CorpusSearch.sources(db, ids: Set(passages.values.map(\.sourceID)), metadata: metadata)
            return hits.compactMap { hit -> EvidencePassage? in
                guard let stored = passages[hit.id], let source = sources[stored.sourceID] else { return nil }
                return EvidencePassage(
                    passageID: hit.id, source: source, passage: stored.passage, tags: tags[hit.id] ?? PassageTags(),
                    score: hit.score, highlights: highlights[hit.id] ?? [])
            }
        }
    }

    /// The passages with these ids, by id.
    static func passages(_ db: Database, ids: [Int64]) throws -> [Int64: StoredPassage] {
        var result: [Int64: StoredPassage] = [:]
        for chunk in chunks(ids) {
            for row in try Row.fetchAll(
                db,
                sql: CorpusReader.passageSelect + " WHERE p.id IN (\(databaseQuestionMarks(count: chunk.count)))",
                arguments: StatementArguments(chunk))
            {
                let stored = CorpusReader.storedPassage(row)
                result[stored.id] = stored
            }
        }
        return result
    }

    /// Where `words` match in each of these passages, as scalar ranges of the passage text.
    static func highlights(_ db: Database, words: String, ids: [Int64]) throws -> [Int64: [Range<Int>]] {
        let open: Unicode.Scalar = "\u{E000}"
        let close: Unicode.Scalar = "\u{E001}"
        var result: [Int64: [Range<Int>]] = [:]
        for chunk in chunks(ids) {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, highlight(passage_ft, 0, '\(open)', '\(close)') AS marked FROM passage_ft
                    WHERE passage_ft MATCH ? AND rowid IN (\(databaseQuestionMarks(count: chunk.count)))
                    """,
                arguments: [words] + StatementArguments(chunk))
            {
                result[row["rowid"]] = TerminalText.unmark(row["marked"], open: open, close: close).matches
            }
        }
        return result
    }

    static func chunks(_ ids: [Int64]) -> [[Int64]] {
        stride(from: 0, to: ids.count, by: 500).map { Array(ids[$0..<min($0 + 500, ids.count)]) }
    }

    /// Every passage that carries at least one label, for maps and tables; restricted to
    /// passages with one of `factors` when given.
    public func taggedPassages(factors: [String] = []) throws -> [EvidencePassage] {
        try database.pool.read { db in
            var sql = CorpusReader.passageSelect + " WHERE p.id IN (SELECT passage_id FROM tag"
            var arguments: StatementArguments = []
            if !factors.isEmpty {
                sql += " WHERE dimension = 'factor' AND label IN (\(databaseQuestionMarks(count: factors.count)))"
                arguments += StatementArguments(factors)
            }
            sql += ") ORDER BY p.source_id, p.position"
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let tags = try CorpusSearch.tags(db, passageIDs: rows.map { $0["id"] })
            let sources = try CorpusSearch.sources(db, ids: Set(rows.map { $0["source_id"] }), metadata: metadata)
            return rows.compactMap { row in
                let stored = CorpusReader.storedPassage(row)
                guard let source = sources[stored.sourceID] else { return nil }
                return EvidencePassage(
                    passageID: stored.id, source: source, passage: stored.passage,
                    tags: tags[stored.id] ?? PassageTags(), score: 0, highlights: [])
            }
        }
    }

    // MARK: - Helpers

    static func tags(_ db: Database, passageIDs: [Int64]) throws -> [Int64: PassageTags] {
        var result: [Int64: PassageTags] = [:]
        for chunk in chunks(passageIDs) {
            let marks = databaseQuestionMarks(count: chunk.count)
            for row in try Row.fetchAll(
                db, sql: "SELECT passage_id, dimension, label FROM tag WHERE passage_id IN (\(marks)) ORDER BY label",
                arguments: StatementArguments(chunk))
            {
                let id: Int64 = row["passage_id"]
                let label: String = row["label"]
                switch row["dimension"] as String {
                case "factor": result[id, default: PassageTags()].factors.append(label)
                case "actor": result[id, default: PassageTags()].actors.append(label)
                default: result[id, default: PassageTags()].direction.append(label)
                }
            }
            for row in try Row.fetchAll(
                db,
                sql: #"SELECT passage_id, rule, label, text, start, "end" FROM tag_match WHERE passage_id IN (\#(marks)) ORDER BY passage_id, start, rowid"#,
                arguments: StatementArguments(chunk))
            {
                let match = TagMatch(rule: row["rule"], label: row["label"], text: row["text"], start: row["start"], end: row["end"])
                result[row["passage_id"], default: PassageTags()].matches.append(match)
            }
        }
        return result
    }

    static func sources(_ db: Database, ids: Set<Int64>, metadata: MetadataCache) throws -> [Int64: StoredSource] {
        guard !ids.isEmpty else { return [:] }
        let list = Array(ids)
        let marks = databaseQuestionMarks(count: list.count)
        var files: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT source_id, path FROM source_file WHERE source_id IN (\(marks)) ORDER BY path",
            arguments: StatementArguments(list))
        {
            files[row["source_id"], default: []].append(row["path"])
        }
        var result: [Int64: StoredSource] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.metadata, (SELECT count(*) FROM passage p WHERE p.source_id = s.id) AS passages
                FROM source s WHERE s.id IN (\(marks))
                """,
            arguments: StatementArguments(list))
        {
            let id: Int64 = row["id"]
            result[id] = StoredSource(
                id: id, metadata: try metadata.decode(row["metadata"]), files: files[id] ?? [],
                passageCount: row["passages"])
        }
        return result
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func isQuerySyntaxError(_ error: DatabaseError) -> Bool {
        let message = (error.message ?? "").lowercased()
        return message.contains("fts5") || message.contains("syntax") || message.contains("no such column")
            || message.contains("unterminated")
    }
}
