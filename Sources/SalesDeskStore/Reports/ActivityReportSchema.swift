import GRDB

/// Migration "v12r: activity report index": lets the activity report count a period's follow-ups from one index
/// range, without reading the follow-ups themselves (``AppDatabase/activityCounts(_:scope:now:)``).
enum ActivityReportSchema {
    static let migrationName = "v12r: activity report index (follow-ups by due time, covering the report's counts)"

    static func create(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX report_activity_due ON activity(due_at, owner_id, type, state, completed_at)")
    }
}
