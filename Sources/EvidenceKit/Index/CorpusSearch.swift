import Foundation
import GRDB

/// Finds passages by words (full-text, ranked by bm25) and by their labels, and collects
/// the tagged passages that the evidence map and summary table are built from.
public struct CorpusSearch: Sendable {
    public let database: CorpusDatabase

    public init(database: CorpusDatabase) {
        self.database = database
    }

    /// Passages matching `query`: by relevance when words are given, else by source and position.
    public func search(_ query: SearchQuery) throws -> [EvidencePassage] {
        let open: Unicode.Scalar = "\u{E000}"
        let close: Unicode.Scalar = "\u{E001}"
        var joins = "FROM passage p JOIN source s ON s.id = p.source_id"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var columns = "p.id, p.source_id, p.position, p.kind, p.section, p.start, p.\"end\", p.text, g.position AS paragraph"
        var order = "ORDER BY p.source_id, p.position"
        if let words = query.words?.trimmingSpaces, !words.isEmpty {
            joins = "FROM passage_ft JOIN passage p ON p.id = passage_ft.rowid JOIN source s ON s.id = p.source_id"
            conditions.append("passage_ft MATCH ?")
            arguments += [words]
            columns += ", -bm25(passage_ft) AS score, highlight(passage_ft, 0, '\(open)', '\(close)') AS marked"
            order = "ORDER BY bm25(passage_ft)"
        }
        joins += " JOIN paragraph g ON g.id = p.paragraph_id"
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
        var sql = "SELECT \(columns) \(joins)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " " + order
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }

        return try database.pool.read { db in
            let rows: [Row]
            do {
                rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            } catch let error as DatabaseError where query.words != nil && CorpusSearch.isQuerySyntaxError(error) {
                throw SearchError.invalidWords(query.words ?? "", reason: error.message ?? "syntax error")
            }
            let tags = try CorpusSearch.tags(db, passageIDs: rows.map { $0["id"] })
            let sources = try CorpusSearch.sources(db, ids: Set(rows.map { $0["source_id"] }))
            return rows.compactMap { row -> EvidencePassage? in
                let stored = CorpusReader.storedPassage(row)
                guard let source = sources[stored.sourceID] else { return nil }
                let marked: String? = row["marked"]
                return EvidencePassage(
                    passageID: stored.id, source: source, passage: stored.passage,
                    tags: tags[stored.id] ?? PassageTags(), score: row["score"] ?? 0,
                    highlights: marked.map { TerminalText.unmark($0, open: open, close: close).matches } ?? [])
            }
        }
    }

    /// Every passage that carries at least one label, for maps and tables; restricted to
    /// passages with one of `factors` when given.
    public func taggedPassages(factors: [String] = []) throws -> [EvidencePassage] {
        try database.pool.read { db in
            var sql = """
                SELECT p.id, p.source_id, p.position, p.kind, p.section, p.start, p."end", p.text, g.position AS paragraph
                FROM passage p JOIN paragraph g ON g.id = p.paragraph_id
                WHERE p.id IN (SELECT passage_id FROM tag
                """
            var arguments: StatementArguments = []
            if !factors.isEmpty {
                sql += " WHERE dimension = 'factor' AND label IN (\(databaseQuestionMarks(count: factors.count)))"
                arguments += StatementArguments(factors)
            }
            sql += ") ORDER BY p.source_id, p.position"
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let tags = try CorpusSearch.tags(db, passageIDs: rows.map { $0["id"] })
            let sources = try CorpusSearch.sources(db, ids: Set(rows.map { $0["source_id"] }))
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
        for chunk in stride(from: 0, to: passageIDs.count, by: 500).map({ Array(passageIDs[$0..<min($0 + 500, passageIDs.count)]) }) {
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

    static func sources(_ db: Database, ids: Set<Int64>) throws -> [Int64: StoredSource] {
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
                id: id, metadata: try MetadataCoding.decode(row["metadata"]), files: files[id] ?? [],
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
