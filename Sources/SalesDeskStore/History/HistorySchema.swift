import GRDB

/// Migration "v9: stage and status history": the history reports are computed from.
///
/// - `lead_stage_change`: one row per stage a lead entered (`from_stage` NULL for the stage it was created in),
///   with when and by whom (NULL when the audit log does not say).
/// - `ticket_status_change`: the same for ticket statuses.
///
/// Both are backfilled from the audit log by ``HistoryBackfill`` in the same migration.
enum HistorySchema {
    static let migrationName = "v9: stage and status history (backfilled from the audit log)"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE lead_stage_change (
                id INTEGER PRIMARY KEY,
                lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
                from_stage TEXT,
                to_stage TEXT NOT NULL,
                at INTEGER NOT NULL,
                user_id INTEGER
            );
            CREATE TABLE ticket_status_change (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
                from_status TEXT,
                to_status TEXT NOT NULL,
                at INTEGER NOT NULL,
                user_id INTEGER
            );
            """)
        try HistoryBackfill.run(db)
        // Indexes after the bulk insert: building them once is faster than keeping them up to date row by row.
        try db.execute(sql: """
            CREATE INDEX lead_stage_change_lead ON lead_stage_change(lead_id, at);
            CREATE INDEX lead_stage_change_at ON lead_stage_change(at);
            CREATE INDEX ticket_status_change_ticket ON ticket_status_change(ticket_id, at);
            """)
    }
}
