import GRDB

/// Migration "v12r: stage stays": what the stage-speed report reads instead of walking the stage history.
///
/// - `report_stage_stay`: one row per finished stay — the stage change that ended it (`change_id`), the lead, the
///   stage left, the lead's owner and source, when it ended, its length in seconds (from the lead's previous stage
///   change, as ``AppDatabase/stageStays(_:scope:)`` defines it) and its length ``span``.
/// - `report_stay_sum`: those stays counted and their seconds summed per UTC hour, day and month of ending
///   (``SummaryBuckets``), stage, owner, source and span: a histogram per stage. A period's count and mean come from
///   it; its median is found in it to one span and then read exactly from `report_stage_stay` (see
///   ``AppDatabase/stageStaySummaries(_:scope:reading:)``).
/// - Indexes: `report_stage_stay_span` for that exact read, `report_stage_stay_ended` for the stays under way at a
///   moment (pipeline velocity's qualified deals a week ago; replaced by ``StageSpeedIndexSchema``'s
///   `report_stage_stay_stage_ended`), `report_stage_stay_lead` for the triggers, and
///   `report_lead_open_entered` on `lead` (open leads by stage and when they entered it, the leads that became
///   qualified since that moment).
///
/// Triggers on the history, the leads and the fact table keep both exact through every write.
enum StageStaySchema {
    static let migrationName = "v12r: stage stays (one row per finished stay and a histogram per stage, kept by triggers)"

    /// A stay's length class, from its seconds (SQL expression `seconds`): hours below two days (0–47), days below 60
    /// days (48–105), then weeks (106 on). Only the order matters: the median's span is read row by row.
    static func span(_ seconds: String) -> String {
        "CASE WHEN \(seconds) < 172800 THEN \(seconds) / 3600 WHEN \(seconds) < 5184000 THEN 46 + \(seconds) / 86400 "
            + "ELSE 106 + (\(seconds) - 5184000) / 604800 END"
    }

    static let factColumns = "change_id, lead_id, stage, owner_id, source, ended_at, seconds, span"
    static let sumColumns = "level, bucket, stage, owner_id, source, span, stays, seconds"

    /// The stays ended by the stage changes matching `filter` (SQL on the change `c`), as rows of ``factColumns``.
    static func stays(where filter: String) -> String {
        """
        SELECT id, lead_id, stage, owner_id, source, at, seconds, \(span("seconds")) FROM (
            SELECT c.id, c.lead_id, c.from_stage AS stage, l.owner_id, l.source, c.at,
                   c.at - (SELECT p.at FROM lead_stage_change p WHERE p.lead_id = c.lead_id AND +p.id < c.id
                           ORDER BY p.at DESC, p.id DESC LIMIT 1) AS seconds
            FROM lead_stage_change c JOIN lead l ON l.id = c.lead_id
            WHERE c.from_stage IS NOT NULL AND \(filter))
        WHERE seconds IS NOT NULL
        """
    }

    /// Every stay, from the history.
    static let staysFromScratch = stays(where: "1")

    /// The stays summed in every level, from the fact table.
    static let sumsFromScratch = SummaryBuckets.levelSQL(column: "ended_at").map { level, bucket in
        "SELECT \(level), \(bucket), stage, owner_id, source, span, COUNT(*), SUM(seconds) FROM report_stage_stay GROUP BY 2, 3, 4, 5, 6"
    }.joined(separator: " UNION ALL ")

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_stage_stay (
                change_id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, stage TEXT NOT NULL, owner_id INTEGER NOT NULL,
                source TEXT NOT NULL, ended_at INTEGER NOT NULL, seconds INTEGER NOT NULL, span INTEGER NOT NULL);
            CREATE TABLE report_stay_sum (
                level INTEGER NOT NULL, bucket INTEGER NOT NULL, stage TEXT NOT NULL, owner_id INTEGER NOT NULL, source TEXT NOT NULL,
                span INTEGER NOT NULL, stays INTEGER NOT NULL, seconds INTEGER NOT NULL,
                PRIMARY KEY (level, bucket, stage, owner_id, source, span)
            ) WITHOUT ROWID;
            """)
        try backfill(db)
        try db.execute(sql: """
            CREATE INDEX report_stage_stay_lead ON report_stage_stay(lead_id);
            CREATE INDEX report_stage_stay_span ON report_stage_stay(stage, span, ended_at, owner_id, source, seconds);
            CREATE INDEX report_stage_stay_ended ON report_stage_stay(ended_at, stage, seconds, owner_id, source);
            CREATE INDEX report_lead_open_entered ON lead(stage, stage_entered_at, owner_id, source) WHERE stage NOT IN ('won', 'lost');
            """)
        try createTriggers(db)
    }

    /// Fills both tables from the history in steps of stage-change ids, reporting progress ("Stage stays 40 %").
    static func backfill(_ db: Database) throws {
        let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM lead_stage_change") ?? 0
        let step: Int64 = 100_000
        var lower: Int64 = 0
        MigrationProgress.report("Stage stays", 0)
        while lower <= last {
            try db.execute(sql: "INSERT INTO report_stage_stay (\(factColumns)) \(stays(where: "c.id >= ? AND c.id < ?"))",
                           arguments: [lower, lower + step])
            lower += step
            MigrationProgress.report("Stage stays", 0.9 * Double(min(lower, last)) / Double(max(last, 1)))
        }
        try db.execute(sql: "INSERT INTO report_stay_sum (\(sumColumns)) \(sumsFromScratch)")
        MigrationProgress.report("Stage stays", 1)
    }

    /// Adds (`sign` 1) or removes (-1) one stay row (`NEW` or `OLD`) in every level of `report_stay_sum`.
    private static func sumChange(_ row: String, sign: Int) -> String {
        let levels = SummaryBuckets.levelSQL(column: "\(row).ended_at").map { "SELECT \($0.level) AS level, \($0.bucket) AS bucket" }
        var sql = """
            INSERT INTO report_stay_sum (\(sumColumns))
                SELECT b.level, b.bucket, \(row).stage, \(row).owner_id, \(row).source, \(row).span, \(sign), \(sign) * \(row).seconds
                FROM (\(levels.joined(separator: " UNION ALL "))) b WHERE true
                ON CONFLICT (level, bucket, stage, owner_id, source, span) DO UPDATE SET
                    stays = stays + excluded.stays, seconds = seconds + excluded.seconds;
            """
        if sign < 0 {
            let buckets = SummaryBuckets.levelSQL(column: "\(row).ended_at").map { "(level = \($0.level) AND bucket = \($0.bucket))" }
            sql += "\n    DELETE FROM report_stay_sum WHERE stays = 0 AND (\(buckets.joined(separator: " OR ")));"
        }
        return sql
    }

    /// Recomputes every stay of the lead whose id is the SQL expression `lead`.
    private static func refresh(_ lead: String) -> String {
        """
        DELETE FROM report_stage_stay WHERE lead_id = \(lead);
            INSERT INTO report_stage_stay (\(factColumns)) \(stays(where: "c.lead_id = \(lead)"));
        """
    }

    static let triggerPrefix = "report_stage_stay_"

    static func createTriggers(_ db: Database) throws {
        try db.execute(sql: """
            \(SummedFacts.rowTriggers(named: triggerPrefix + "sum_", on: "report_stage_stay") { sumChange($0, sign: $1) })
            CREATE TRIGGER \(triggerPrefix)on_history_insert AFTER INSERT ON lead_stage_change WHEN NEW.from_stage IS NOT NULL BEGIN
                INSERT INTO report_stage_stay (\(factColumns)) \(stays(where: "c.id = NEW.id"));
            END;
            \(SummedFacts.historyRewriteTriggers(prefix: triggerPrefix, refresh: refresh))
            CREATE TRIGGER \(triggerPrefix)on_lead_update AFTER UPDATE OF owner_id, source ON lead BEGIN
                UPDATE report_stage_stay SET owner_id = NEW.owner_id, source = NEW.source WHERE lead_id = NEW.id;
            END;
            CREATE TRIGGER \(triggerPrefix)on_lead_delete AFTER DELETE ON lead BEGIN
                DELETE FROM report_stage_stay WHERE lead_id = OLD.id;
            END;
            """)
    }

    /// The tables whose rows differ from a recomputation from the history (empty when both are exact).
    static func drift(_ db: Database) throws -> [String] {
        try SummedFacts.differing(db, [
            ("report_stage_stay", "SELECT \(factColumns) FROM report_stage_stay", staysFromScratch),
            ("report_stay_sum", "SELECT \(sumColumns) FROM report_stay_sum", sumsFromScratch),
        ])
    }

    /// Drops the triggers, for a bulk load that ends with ``rebuild(_:)``.
    static func dropTriggers(_ db: Database) throws {
        try SummedFacts.dropTriggers(db, prefixes: [triggerPrefix])
    }

    /// Recomputes both tables from the history and (re)creates the triggers.
    static func rebuild(_ db: Database) throws {
        try dropTriggers(db)
        try db.execute(sql: "DELETE FROM report_stay_sum; DELETE FROM report_stage_stay")
        try backfill(db)
        try createTriggers(db)
    }
}
