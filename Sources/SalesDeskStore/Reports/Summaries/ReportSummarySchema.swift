import GRDB

/// Migration "v11r: report summaries": what the reports read instead of every lead and stage change.
///
/// - ``SummedFacts/closedDeals``: `report_closed_deal` (one row per lead Won or Lost now) and `report_closed_sum`
///   (those summed per UTC hour, day and month of closing) for win/loss, forecast and scorecard.
/// - ``SummedFacts/cohort``: `report_cohort_lead` (one row per lead, with the stages it ever entered) and
///   `report_cohort_sum` (summed per UTC hour, day and month of creation) for the funnel and sources.
/// - `report_open_sum`: open leads summed per expected close date (`SummaryBuckets.undated` for none), owner, stage,
///   forecast category override (`''` for none), currency and the last two digits of the value.
///
/// Triggers keep them exact through every write of leads and stage history (the desk, the CLI, imports, rules,
/// merges, edits); the migration backfills them from what the file holds, reporting progress. A period is read as
/// a few pieces of whole months, days and hours (``SummaryBuckets``).
enum ReportSummarySchema {
    static let migrationName = "v11r: report summaries (closed deals, lead cohorts and open pipeline, kept by triggers)"

    static let facts: [SummedFacts] = [.closedDeals, .cohort]

    /// The columns of an open pipeline sum (`report_open_sum`, and each weekly snapshot's `forecast_snapshot_sum`).
    static let openSumColumnDefinitions = """
        close_date INTEGER NOT NULL, owner_id INTEGER NOT NULL, stage TEXT NOT NULL, category TEXT NOT NULL,
        currency TEXT NOT NULL, remainder INTEGER NOT NULL, deals INTEGER NOT NULL, value_minor INTEGER NOT NULL
        """

    static func create(_ db: Database) throws {
        try db.execute(sql: facts.map(\.createTablesSQL).joined(separator: "\n") + """
            CREATE TABLE report_open_sum (
                \(openSumColumnDefinitions),
                PRIMARY KEY (close_date, owner_id, stage, category, currency, remainder)
            ) WITHOUT ROWID;
            """)
        MigrationProgress.report("Report summaries", 0)
        for (index, fact) in facts.enumerated() {
            try fact.backfill(db)
            MigrationProgress.report("Report summaries", Double(index + 1) / Double(facts.count + 1))
        }
        try db.execute(sql: """
            INSERT INTO report_open_sum (\(openSumColumns)) \(openSumsFromScratch);
            CREATE INDEX report_closed_deal_at ON report_closed_deal(closed_at, won, owner_id, created_at);
            CREATE INDEX report_open_sum_owner ON report_open_sum(owner_id, stage, currency, remainder, deals, value_minor);
            CREATE INDEX report_activity_owner_due ON activity(owner_id, due_at, state);
            """)
        try createTriggers(db)
        MigrationProgress.report("Report summaries", 1)
    }

    static let openSumColumns = "close_date, owner_id, stage, category, currency, remainder, deals, value_minor"

    /// Open leads summed by `report_open_sum`'s key.
    static let openSumsFromScratch = """
        SELECT \(openKeySQL("")), COUNT(*), SUM(value_minor) FROM lead WHERE stage NOT IN ('won', 'lost') GROUP BY 1, 2, 3, 4, 5, 6
        """

    /// `report_open_sum`'s key columns of a lead row (prefix `NEW.`, `OLD.` or none).
    static func openKeySQL(_ row: String) -> String {
        "COALESCE(\(row)expected_close_date, \(SummaryBuckets.undated)), \(row)owner_id, \(row)stage, COALESCE(\(row)forecast_category, ''), "
            + "\(row)currency, \(row)value_minor % 100"
    }

    /// Adds (`sign` 1) or removes (-1) one open lead row (`NEW` or `OLD`) in `report_open_sum`.
    static func openSumChange(_ row: String, sign: Int) -> String {
        var sql = """
            INSERT INTO report_open_sum (\(openSumColumns))
                SELECT \(openKeySQL("\(row).")), \(sign), \(sign) * \(row).value_minor WHERE \(row).stage NOT IN ('won', 'lost')
                ON CONFLICT (close_date, owner_id, stage, category, currency, remainder) DO UPDATE SET
                    deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor;
            """
        if sign < 0 {
            sql += """

                DELETE FROM report_open_sum WHERE deals = 0 AND close_date = COALESCE(\(row).expected_close_date, \(SummaryBuckets.undated))
                    AND owner_id = \(row).owner_id AND stage = \(row).stage;
            """
        }
        return sql
    }

    /// The trigger adding new open leads to `report_open_sum` (bulk inserts suspend it).
    static let openInsertTrigger = "report_open_on_lead_insert"

    static func createTriggers(_ db: Database) throws {
        let openLeadColumns = "owner_id, stage, currency, value_minor, expected_close_date, forecast_category"
        try db.execute(sql: facts.map(\.triggersSQL).joined(separator: "\n") + """

            CREATE TRIGGER \(openInsertTrigger) AFTER INSERT ON lead WHEN NEW.stage NOT IN ('won', 'lost') BEGIN
                \(openSumChange("NEW", sign: 1))
            END;
            CREATE TRIGGER report_open_on_lead_delete AFTER DELETE ON lead WHEN OLD.stage NOT IN ('won', 'lost') BEGIN
                \(openSumChange("OLD", sign: -1))
            END;
            CREATE TRIGGER report_open_on_lead_update AFTER UPDATE OF \(openLeadColumns) ON lead BEGIN
                \(openSumChange("OLD", sign: -1))
                \(openSumChange("NEW", sign: 1))
            END;
            """)
    }

    /// The summary tables whose rows differ from a recomputation from scratch (empty when all are exact).
    static func drift(_ db: Database) throws -> [String] {
        var differing = try facts.flatMap { try $0.drift(db) }
        if try SummedFacts.differs(db, kept: "SELECT \(openSumColumns) FROM report_open_sum", scratch: openSumsFromScratch) {
            differing.append("report_open_sum")
        }
        return differing
    }

    /// Drops the summaries' triggers, for a bulk load that ends with ``rebuild(_:)`` (the demo generator).
    static func dropTriggers(_ db: Database) throws {
        try SummedFacts.dropTriggers(db, prefixes: triggerOwners)
    }

    private static var triggerOwners: [String] { facts.map(\.triggerPrefix) + ["report_open_"] }

    /// Recomputes every summary from scratch and (re)creates the triggers that keep them.
    static func rebuild(_ db: Database) throws {
        try dropTriggers(db)
        for fact in facts { try db.execute(sql: "DELETE FROM \(fact.sumTable); DELETE FROM \(fact.factTable)") }
        try db.execute(sql: "DELETE FROM report_open_sum")
        for fact in facts { try fact.backfill(db) }
        try db.execute(sql: "INSERT INTO report_open_sum (\(openSumColumns)) \(openSumsFromScratch)")
        try createTriggers(db)
    }
}

/// The summaries' per-row triggers on new leads and their first stage, dropped for one bulk insert (an import batch)
/// and made up for by ``finish(_:)`` with grouped statements over the batch's new leads.
///
/// Inside a large transaction SQLite gives every statement that fires a trigger a statement journal, so per-row
/// upkeep would cost more than the insert itself; other connections only see committed states, and an error rolls
/// the drop back with the batch.
struct SuspendedSummaryTriggers {
    private let dropped: [String]
    private let firstNewLeadID: Int64

    init(_ db: Database) throws {
        let names = ReportSummarySchema.facts.flatMap { [$0.historyInsertTrigger, $0.leadInsertTrigger] } + [ReportSummarySchema.openInsertTrigger]
        dropped = try names.compactMap { name in
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name]) else { return nil }
            try db.execute(sql: "DROP TRIGGER \(name)")
            return sql
        }
        firstNewLeadID = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM lead")) ?? 1
    }

    /// Sums the batch's new leads and re-creates the triggers.
    func finish(_ db: Database) throws {
        guard !dropped.isEmpty else { return }
        for fact in ReportSummarySchema.facts { try fact.appendNewLeads(db, fromID: firstNewLeadID) }
        try db.execute(sql: """
            INSERT INTO report_open_sum (\(ReportSummarySchema.openSumColumns))
            SELECT \(ReportSummarySchema.openKeySQL("")), COUNT(*), SUM(value_minor) FROM lead WHERE id >= ? AND stage NOT IN ('won', 'lost')
            GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (close_date, owner_id, stage, category, currency, remainder) DO UPDATE SET
                deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor
            """, arguments: [firstNewLeadID])
        for sql in dropped { try db.execute(sql: sql) }
    }
}
