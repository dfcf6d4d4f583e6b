import GRDB

extension AppDatabase {
    /// Whether the file is a generated demo database (`salesdesk demo`), where anyone may act as any
    /// desk user with `--as`.
    public func isDemoDatabase() throws -> Bool {
        try writer.read { db in
            try db.tableExists("desk_setting")
                && String.fetchOne(db, sql: "SELECT value FROM desk_setting WHERE key = 'demo'") == "1"
        }
    }
}
