import GRDB

/// Stores the tagger's labels and their evidence for passages, replacing earlier ones.
struct TagWriter {
    let db: Database
    private let labelInsert: BatchInsert
    private let matchInsert: BatchInsert
    private let stateInsert: BatchInsert

    init(db: Database) {
        self.db = db
        labelInsert = BatchInsert(db: db, table: "tag", columns: ["passage_id", "dimension", "label"])
        matchInsert = BatchInsert(db: db, table: "tag_match", columns: ["passage_id", "rule", "label", "text", "start", "end"])
        stateInsert = BatchInsert(
            db: db, table: "tagging_state", columns: ["source_id", "codebook_hash"],
            conflictClause: "ON CONFLICT (source_id) DO UPDATE SET codebook_hash = excluded.codebook_hash")
    }

    /// Tags the passages of one source; returns how many passages got a label. `replacing`
    /// says whether they may already carry tags (re-tagging) or were just written.
    func tag(_ written: CorpusWriter.WrittenText, with tagger: any PassageTagging, replacing: Bool) throws -> Int {
        let tags = tagger.tag(source: written.passages.map(\.passage))
        return try record(tags, of: written, codebookHash: tagger.codebookHash, replacing: replacing)
    }

    /// Stores `tags`, the labels a codebook with hash `codebookHash` gave the passages of
    /// `written` (same order), and remembers that codebook for the source; returns how many
    /// passages got a label.
    func record(_ tags: [PassageTags], of written: CorpusWriter.WrittenText, codebookHash: String, replacing: Bool) throws -> Int {
        try store(tags, for: written.passages.map(\.id), replacing: replacing)
        try stateInsert.insert([written.sourceID]) { sourceID, values in
            values.bind(sourceID)
            values.bind(codebookHash)
        }
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
        var labels: [(passage: Int64, dimension: String, label: String)] = []
        var matches: [(passage: Int64, match: TagMatch)] = []
        for (id, passageTags) in zip(ids, tags) {
            for (dimension, values) in [("factor", passageTags.factors), ("actor", passageTags.actors), ("direction", passageTags.direction)] {
                for label in Set(values).sorted() { labels.append((id, dimension, label)) }
            }
            for match in passageTags.matches { matches.append((id, match)) }
        }
        try labelInsert.insert(labels) { row, values in
            values.bind(row.passage)
            values.bind(row.dimension)
            values.bind(row.label)
        }
        try matchInsert.insert(matches) { row, values in
            values.bind(row.passage)
            values.bind(row.match.rule)
            values.bind(row.match.label)
            values.bind(row.match.text)
            values.bind(row.match.start)
            values.bind(row.match.end)
        }
    }
}
