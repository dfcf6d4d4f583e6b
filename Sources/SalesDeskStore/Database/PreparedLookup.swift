import GRDB
import GRDBSQLite

/// A prepared single-value query bound through SQLite's C API, for look-ups done once per imported row.
///
/// ```swift
/// let byEmail = try PreparedLookup(db, sql: "SELECT id FROM contact WHERE email_key = ? LIMIT 1")
/// let id = try byEmail.int64("ana@example.com")
/// ```
struct PreparedLookup {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// The first column of the first row for one text argument, or nil when there is no row.
    func int64(_ text: String) throws -> Int64? {
        let handle = statement.sqliteStatement
        BulkInsert.Binder(handle: handle).bind(1, text)
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }
}
