import GRDB

/// Stores the tagger's labels and their evidence for passages, replacing earlier ones.
struct TagWriter {
    let db: Database

    /// Tags the passages of one source; returns how many passages got a label. `replacing`
    /// says whether they may already carry tags (re-tagging) or were just written.
    func tag(_ written: CorpusWriter.WrittenText, with tagger: any PassageTagging, replacing: Bool) throws -> Int {
        let tags = tagger.tag(source: written.passages.map(\.passage))
        try store(tags, for: written.passages.map(\.id), replacing: replacing)
        try db.execute(
            sql: """
                INSERT INTO tagging_state (source_id, codebook_hash) VALUES (?, ?)
                ON CONFLICT (source_id) DO UPDATE SET codebook_hash = excluded.codebook_hash
                """,
            arguments: [written.sourceID, tagger.codebookHash])
        return tags.filter { !$0.isEmpty }.count
    }

    /// Stores the tags of the passages `ids` (same order as `tags`), replacing earlier ones
    /// when `replacing`.
    func store(_ tags: [PassageTags], for ids: [Int64], replacing: Bool) throws {
        if replacing {
            for chunk in CorpusSearch.chunks(ids) {
                let marks = databaseQuestionMarks(count: chunk.count)
                try db.execute(sql: "DELETE FROM tag WHERE passage_id IN (\(marks))", arguments: StatementArguments(chunk))
                try db.execute(sql: "DELETE FROM tag_match WHERE passage_id IN (\(marks))", arguments: StatementArguments(chunk))
            }
        }
        var labels: [[(any DatabaseValueConvertible)?]] = []
        var matches: [[(any DatabaseValueConvertible)?]] = []
        for (id, passageTags) in zip(ids, tags) {
            for (dimension, values) in [("factor", passageTags.factors), ("actor", passageTags.actors), ("direction", passageTags.direction)] {
                for label in Set(values).sorted() { labels.append([id, dimension, label]) }
            }
            for match in passageTags.matches {
                matches.append([id, match.rule, match.label, match.text, match.start, match.end])
            }
        }
        try BatchInsert(db: db, table: "tag", columns: ["passage_id", "dimension", "label"]).insert(labels)
        try BatchInsert(db: db, table: "tag_match", columns: ["passage_id", "rule", "label", "text", "start", "end"]).insert(matches)
    }
}
