import GRDB

extension AppDatabase {
    /// WAL pages this process's writes may pile up before a write copies them into the database itself, once
    /// ``deferCheckpoints()`` was called (SQLite's default is 1,000: 4 MB).
    public static let deferredCheckpointPages = 16_384

    /// Lets writes leave the copying of the write-ahead log into the database to ``checkpoint()``, run when the
    /// desk is idle: with SQLite's default, every thirtieth card move or so also copied 4 MB, and took 40–50 ms
    /// instead of 1 ms (measured on the 1m set). Past ``deferredCheckpointPages`` a write still copies, so the
    /// log cannot grow without bound; other processes keep their own setting.
    public func deferCheckpoints() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.deferredCheckpointPages)")
        }
    }

    /// Copies what the write-ahead log holds into the database, as far as readers allow (never waits for them).
    /// Returns the pages the log held and how many of them are now in the database.
    @discardableResult
    public func checkpoint() throws -> (logged: Int, copied: Int) {
        try writer.writeWithoutTransaction { db in
            let (logged, copied) = try db.checkpoint(.passive)
            return (logged, copied)
        }
    }
}
