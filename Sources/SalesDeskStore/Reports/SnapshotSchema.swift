import GRDB

/// Migration "v9: weekly forecast snapshots": what the open pipeline looked like each Monday, for forecast accuracy
/// and "what moved since Monday".
///
/// - `forecast_snapshot_run`: one row per week (its Monday 00:00 UTC); the primary key is what makes the snapshot
///   happen exactly once however many schedulers run.
/// - `forecast_snapshot`: one row per open deal in that week's snapshot.
enum SnapshotSchema {
    static let migrationName = "v9: weekly forecast snapshots"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE forecast_snapshot_run (
                week_start INTEGER PRIMARY KEY,
                taken_at INTEGER NOT NULL,
                taken_by TEXT NOT NULL,
                deals INTEGER NOT NULL
            );
            CREATE TABLE forecast_snapshot (
                week_start INTEGER NOT NULL REFERENCES forecast_snapshot_run(week_start) ON DELETE CASCADE,
                lead_id INTEGER NOT NULL,
                owner_id INTEGER NOT NULL,
                stage TEXT NOT NULL,
                category TEXT NOT NULL,
                value_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                expected_close_date INTEGER,
                PRIMARY KEY (week_start, lead_id)
            ) WITHOUT ROWID;
            """)
    }
}
