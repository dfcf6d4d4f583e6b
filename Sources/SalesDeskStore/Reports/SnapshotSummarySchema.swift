import GRDB

/// Migration "v12s: forecast snapshot sums and moves": what forecast accuracy and "what moved since Monday" read
/// instead of comparing every deal of a snapshot with the lead table.
///
/// - `forecast_snapshot_sum`: each weekly snapshot summed per (close date, owner, stage, category, currency, value
///   remainder) — the same keys as `report_open_sum`, so a weighted forecast rounds per deal exactly as from the rows.
///   Written once, when the snapshot is taken (snapshots never change afterwards); backfilled here for files that
///   already have snapshots.
/// - `forecast_moved_lead`: the deals of a snapshot whose stage, forecast category, expected close date, value or
///   currency was written since, filed under the newest snapshot at the time of the write. Kept by a trigger on the
///   lead table, so every write path (desk, CLI, import, rules, merges) files its moves. A deal that changed since
///   the snapshot of week W has a row under W or a later week (its first change after W is filed under the snapshot
///   newest then, which still holds it, unchanged), so reading the rows from W on finds every candidate; the
///   report then compares each candidate with its snapshot row, so a change written back leaves no move.
enum SnapshotSummarySchema {
    static let migrationName = "v12s: forecast snapshot sums and moves"

    /// The columns of `forecast_snapshot_sum` after `week_start`.
    static let sumColumns = "close_date, owner_id, stage, category, currency, remainder, deals, value_minor"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE forecast_snapshot_sum (
                week_start INTEGER NOT NULL REFERENCES forecast_snapshot_run(week_start) ON DELETE CASCADE,
                \(ReportSummarySchema.openSumColumnDefinitions),
                PRIMARY KEY (week_start, close_date, owner_id, stage, category, currency, remainder)
            ) WITHOUT ROWID;
            CREATE TABLE forecast_moved_lead (
                week_start INTEGER NOT NULL REFERENCES forecast_snapshot_run(week_start) ON DELETE CASCADE,
                lead_id INTEGER NOT NULL,
                PRIMARY KEY (week_start, lead_id)
            ) WITHOUT ROWID;
            CREATE TRIGGER forecast_moved_lead_update
            AFTER UPDATE OF stage, forecast_category, expected_close_date, value_minor, currency ON lead
            WHEN OLD.stage IS NOT NEW.stage OR OLD.forecast_category IS NOT NEW.forecast_category
                OR OLD.expected_close_date IS NOT NEW.expected_close_date OR OLD.value_minor IS NOT NEW.value_minor
                OR OLD.currency IS NOT NEW.currency
            BEGIN
                INSERT OR IGNORE INTO forecast_moved_lead (week_start, lead_id)
                SELECT s.week_start, s.lead_id FROM forecast_snapshot s
                WHERE s.week_start = (SELECT MAX(week_start) FROM forecast_snapshot_run) AND s.lead_id = NEW.id;
            END;
            """)
        let weeks = try Int64.fetchAll(db, sql: "SELECT week_start FROM forecast_snapshot_run ORDER BY week_start")
        for (index, week) in weeks.enumerated() {
            MigrationProgress.report("Forecast snapshot sums", Double(index) / Double(weeks.count))
            try sum(db, week: week)
            // Candidates for the moves since this snapshot: the deals written since it was taken, or that differ
            // from it in a column the snapshot keeps (a superset; the report compares each with its snapshot row).
            try db.execute(sql: """
                INSERT OR IGNORE INTO forecast_moved_lead (week_start, lead_id)
                SELECT s.week_start, s.lead_id FROM forecast_snapshot s JOIN forecast_snapshot_run r ON r.week_start = s.week_start
                JOIN lead l ON l.id = s.lead_id
                WHERE s.week_start = ? AND (l.updated_at >= r.taken_at OR l.stage <> s.stage OR l.value_minor <> s.value_minor
                    OR l.currency <> s.currency OR l.expected_close_date IS NOT s.expected_close_date
                    OR (l.forecast_category IS NOT NULL AND l.forecast_category <> s.category))
                """, arguments: [week])
        }
        if !weeks.isEmpty { MigrationProgress.report("Forecast snapshot sums", 1) }
    }

    /// Sums the snapshot of `week` (its deals with an expected close date: accuracy reads nothing else).
    static func sum(_ db: Database, week: Int64) throws {
        try db.execute(sql: "INSERT INTO forecast_snapshot_sum (week_start, \(sumColumns)) \(sumsFromScratch(week: "?"))", arguments: [week])
    }

    /// The sums of the snapshots `week` (an SQL expression) picks, from their rows.
    private static func sumsFromScratch(week: String) -> String {
        """
        SELECT week_start, expected_close_date, owner_id, stage, category, currency, value_minor % 100, COUNT(*), SUM(value_minor)
        FROM forecast_snapshot WHERE week_start = \(week) AND expected_close_date IS NOT NULL
        GROUP BY week_start, expected_close_date, owner_id, stage, category, currency, value_minor % 100
        """
    }

    /// The tables that differ from a recomputation: `forecast_snapshot_sum` against the snapshots' rows, and
    /// `forecast_moved_lead` when a snapshot deal that differs from its lead in a kept column has no candidate row.
    static func drift(_ db: Database) throws -> [String] {
        var differing: [String] = []
        if try SummedFacts.differs(db, kept: "SELECT week_start, \(sumColumns) FROM forecast_snapshot_sum", scratch: sumsFromScratch(week: "week_start")) {
            differing.append("forecast_snapshot_sum")
        }
        let missed = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM forecast_snapshot s JOIN lead l ON l.id = s.lead_id
                WHERE (l.stage <> s.stage OR l.value_minor <> s.value_minor OR l.currency <> s.currency
                       OR l.expected_close_date IS NOT s.expected_close_date
                       OR (l.forecast_category IS NOT NULL AND l.forecast_category <> s.category))
                  AND NOT EXISTS (SELECT 1 FROM forecast_moved_lead m WHERE m.lead_id = s.lead_id AND m.week_start >= s.week_start))
            """) ?? false
        if missed { differing.append("forecast_moved_lead") }
        return differing
    }
}
