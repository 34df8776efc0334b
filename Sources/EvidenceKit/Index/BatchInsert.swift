import GRDB
import GRDBSQLite

/// Inserts many rows with few statements: one `INSERT … VALUES (…), (…), …` per chunk of
/// rows, its values bound straight from the caller's values.
///
/// For a baseline-sized ingest (hundreds of thousands of passages and tags) the cost of
/// executing statements, not SQLite's own work, dominated. Batching removes most of it;
/// binding through SQLite's C API instead of `StatementArguments` removes the boxing of
/// every value into an existential and a `DatabaseValue`. The statements are prepared by
/// GRDB and run inside the caller's GRDB transaction; only binding and stepping bypass it.
final class BatchInsert {
    private let db: Database
    private let table: String
    private let columns: [String]
    private let conflictClause: String
    /// Prepared statements by number of rows; every chunk but a table's last one is full.
    private var statements: [Int: Statement] = [:]

    /// Rows per statement; SQLite allows 32,766 bound values per statement.
    static let rowsPerStatement = 200

    /// `conflictClause` follows the values, e.g. `ON CONFLICT (…) DO UPDATE SET …`.
    init(db: Database, table: String, columns: [String], conflictClause: String = "") {
        self.db = db
        self.table = table
        self.columns = columns
        self.conflictClause = conflictClause
    }

    /// Inserts `rows` in order, `bind` giving each row's values in column order, and
    /// returns the rowid of the first. Rows of one `INSERT` get consecutive rowids, since
    /// SQLite gives each new row the largest rowid plus one and nothing else writes in
    /// between.
    @discardableResult
    func insert<Row>(_ rows: [Row], bind: (Row, inout ValueBinder) -> Void) throws -> Int64? {
        var first: Int64?
        var start = 0
        while start < rows.count {
            let end = min(start + BatchInsert.rowsPerStatement, rows.count)
            let statement = try self.statement(rows: end - start)
            var binder = ValueBinder(statement: statement.sqliteStatement)
            for row in rows[start..<end] { bind(row, &binder) }
            precondition(binder.nextIndex == Int32((end - start) * columns.count + 1), "wrong number of values for \(table)")
            try binder.execute(sql: { statement.sql })
            if first == nil { first = db.lastInsertedRowID - Int64(end - start) + 1 }
            start = end
        }
        return first
    }

    private func statement(rows: Int) throws -> Statement {
        if let statement = statements[rows] { return statement }
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(quoted)) VALUES " + Array(repeating: tuple, count: rows).joined(separator: ",")
            + (conflictClause.isEmpty ? "" : " " + conflictClause)
        let statement = try db.makeStatement(sql: sql)
        statements[rows] = statement
        return statement
    }
}

/// Binds the values of one statement in order, then runs it.
struct ValueBinder {
    fileprivate let statement: OpaquePointer
    fileprivate private(set) var nextIndex: Int32 = 1
    private var status = SQLITE_OK

    fileprivate init(statement: OpaquePointer) {
        self.statement = statement
    }

    mutating func bind(_ value: Int64) {
        record(sqlite3_bind_int64(statement, nextIndex, value))
    }

    mutating func bind(_ value: Int) {
        bind(Int64(value))
    }

    mutating func bind(_ value: Int?) {
        if let value { bind(Int64(value)) } else { record(sqlite3_bind_null(statement, nextIndex)) }
    }

    mutating func bind(_ value: String) {
        var text = value
        let code = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no address, and a null pointer would bind NULL.
                guard let address = chars.baseAddress else {
                    return sqlite3_bind_text(statement, nextIndex, "", 0, ValueBinder.transient)
                }
                return sqlite3_bind_text(statement, nextIndex, address, Int32(chars.count), ValueBinder.transient)
            }
        }
        record(code)
    }

    mutating func bind(_ value: String?) {
        if let value { bind(value) } else { record(sqlite3_bind_null(statement, nextIndex)) }
    }

    private mutating func record(_ code: Int32) {
        if status == SQLITE_OK, code != SQLITE_OK { status = code }
        nextIndex += 1
    }

    /// Runs the statement once and resets it for its next use. `sql` is for the error only:
    /// GRDB trims the statement's text each time it is asked for it.
    fileprivate func execute(sql: () -> String) throws {
        var code = status
        if code == SQLITE_OK {
            code = sqlite3_step(statement)
            if code == SQLITE_DONE { code = SQLITE_OK }
        }
        let message = code == SQLITE_OK ? nil : sqlite3_db_handle(statement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(statement)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql())
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound text, which lives only during `bind`.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
