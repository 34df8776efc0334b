import GRDB

/// Inserts many rows with few statements: one `INSERT … VALUES (…), (…), …` per chunk of
/// rows. For a baseline-sized ingest (hundreds of thousands of passages) the cost of a
/// statement execution, not SQLite's own work, is what dominates; batching removes most
/// of it.
struct BatchInsert {
    let db: Database
    let table: String
    let columns: [String]

    /// Rows per statement; SQLite allows 32,766 bound values per statement.
    static let rowsPerStatement = 200

    /// Inserts `rows` (each as many values as `columns`) in order and returns the rowid of
    /// the first. Rows of one `INSERT` get consecutive rowids, since SQLite gives each new
    /// row the largest rowid plus one and nothing else writes in between.
    @discardableResult
    func insert(_ rows: [[(any DatabaseValueConvertible)?]]) throws -> Int64? {
        var first: Int64?
        var start = 0
        while start < rows.count {
            let end = min(start + BatchInsert.rowsPerStatement, rows.count)
            let chunk = rows[start..<end]
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let sql = "INSERT INTO \(table) (\(quoted)) VALUES " + Array(repeating: tuple, count: chunk.count).joined(separator: ",")
            let statement = try db.cachedStatement(sql: sql)
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity(chunk.count * columns.count)
            for row in chunk { values.append(contentsOf: row) }
            try statement.execute(arguments: StatementArguments(values))
            if first == nil { first = db.lastInsertedRowID - Int64(chunk.count) + 1 }
            start = end
        }
        return first
    }
}
