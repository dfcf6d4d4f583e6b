import GRDB

/// Migration "v11r: report summaries": what the forecast, win/loss and scorecard reports read instead of every deal.
///
/// - `report_closed_deal`: one row per lead that is Won or Lost now, as ``AppDatabase/closedDeals(_:scope:)`` defines
///   it (its last stage change entered its current stage), with the lead's owner, source, value and reason.
/// - `report_closed_sum`: those rows summed per UTC hour (`level` 0), UTC day (1) and UTC month (2), per dimension
///   (`outcome` for every deal, `reason` and `lost_from` for lost ones), owner, source, outcome and currency.
///   A period is read as a few pieces of whole months, days and hours (``SummaryBuckets``).
/// - `report_open_sum`: open leads summed per expected close date (`SummaryBuckets.undated` for none), owner, stage,
///   forecast category override (`''` for none), currency and the last two digits of the value.
///
/// Triggers keep all three exact through every write of leads and stage history (the desk, the CLI, imports,
/// rules, merges, edits); the migration backfills them from what the file holds, reporting progress.
enum ReportSummarySchema {
    static let migrationName = "v11r: report summaries (closed deals and open pipeline, maintained by triggers)"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_closed_deal (
                lead_id INTEGER PRIMARY KEY,
                closed_at INTEGER NOT NULL,
                won INTEGER NOT NULL,
                owner_id INTEGER NOT NULL,
                source TEXT NOT NULL,
                currency TEXT NOT NULL,
                value_minor INTEGER NOT NULL,
                loss_reason TEXT,
                lost_from TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE report_closed_sum (
                level INTEGER NOT NULL,
                bucket INTEGER NOT NULL,
                dimension TEXT NOT NULL,
                key TEXT NOT NULL,
                owner_id INTEGER NOT NULL,
                source TEXT NOT NULL,
                won INTEGER NOT NULL,
                currency TEXT NOT NULL,
                deals INTEGER NOT NULL,
                value_minor INTEGER NOT NULL,
                PRIMARY KEY (level, bucket, dimension, key, owner_id, source, won, currency)
            ) WITHOUT ROWID;
            CREATE TABLE report_open_sum (
                close_date INTEGER NOT NULL,
                owner_id INTEGER NOT NULL,
                stage TEXT NOT NULL,
                category TEXT NOT NULL,
                currency TEXT NOT NULL,
                remainder INTEGER NOT NULL,
                deals INTEGER NOT NULL,
                value_minor INTEGER NOT NULL,
                PRIMARY KEY (close_date, owner_id, stage, category, currency, remainder)
            ) WITHOUT ROWID;
            """)
        MigrationProgress.report("Report summaries", 0)
        try db.execute(sql: "INSERT INTO report_closed_deal (\(closedDealColumns)) \(closedDealsFromScratch)")
        MigrationProgress.report("Report summaries", 0.5)
        try db.execute(sql: "INSERT INTO report_closed_sum (\(closedSumColumns)) \(closedSumsFromScratch)")
        MigrationProgress.report("Report summaries", 0.7)
        try db.execute(sql: """
            INSERT INTO report_open_sum (\(openSumColumns)) \(openSumsFromScratch);
            CREATE INDEX report_closed_deal_at ON report_closed_deal(closed_at, won, owner_id, created_at);
            CREATE INDEX report_open_sum_owner ON report_open_sum(owner_id, stage, currency, remainder, deals, value_minor);
            CREATE INDEX report_activity_due ON activity(due_at, owner_id, state);
            """)
        try createTriggers(db)
        MigrationProgress.report("Report summaries", 1)
    }

    static let closedDealColumns = "lead_id, closed_at, won, owner_id, source, currency, value_minor, loss_reason, lost_from, created_at"
    static let closedSumColumns = "level, bucket, dimension, key, owner_id, source, won, currency, deals, value_minor"
    static let openSumColumns = "close_date, owner_id, stage, category, currency, remainder, deals, value_minor"

    /// Every closed deal as ``AppDatabase/closedDeals(_:scope:)`` defines it: the lead's last stage change entered its
    /// current stage, Won or Lost.
    static let closedDealsFromScratch = """
        SELECT l.id, c.at, l.stage = 'won', l.owner_id, l.source, l.currency, l.value_minor, l.loss_reason, c.from_stage, l.created_at
        FROM (SELECT lead_id, MAX(id) AS id FROM lead_stage_change GROUP BY lead_id) m
        JOIN lead_stage_change c ON c.id = m.id
        JOIN lead l ON l.id = m.lead_id AND l.stage = c.to_stage
        WHERE l.stage IN ('won', 'lost')
        """

    /// `report_closed_deal` summed in every level and dimension.
    static var closedSumsFromScratch: String {
        SummaryBuckets.levelSQL(column: "closed_at").flatMap { level, bucket in
            closedDimensions.map { dimension, key, onlyLost in
                """
                SELECT \(level), \(bucket), '\(dimension)', \(key), owner_id, source, won, currency, COUNT(*), SUM(value_minor)
                FROM report_closed_deal \(onlyLost ? "WHERE NOT won" : "") GROUP BY 2, 4, 5, 6, 7, 8
                """
            }
        }.joined(separator: " UNION ALL ")
    }

    /// Open leads summed by `report_open_sum`'s key.
    static let openSumsFromScratch = """
        SELECT \(openKeySQL("")), COUNT(*), SUM(value_minor) FROM lead WHERE stage NOT IN ('won', 'lost') GROUP BY 1, 2, 3, 4, 5, 6
        """

    /// The summary tables whose rows differ from a recomputation from scratch (empty when all are exact).
    static func drift(_ db: Database) throws -> [String] {
        let checks = [("report_closed_deal", closedDealColumns, closedDealsFromScratch),
                      ("report_closed_sum", closedSumColumns, closedSumsFromScratch),
                      ("report_open_sum", openSumColumns, openSumsFromScratch)]
        return try checks.filter { table, columns, scratch in
            let kept = "SELECT \(columns) FROM \(table)"
            let differing = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM (\(kept) EXCEPT SELECT * FROM (\(scratch))))
                     + (SELECT COUNT(*) FROM (SELECT * FROM (\(scratch)) EXCEPT \(kept)))
                """) ?? 0
            return differing > 0
        }.map(\.0)
    }

    /// The dimensions of `report_closed_sum`: name, the key's SQL on `report_closed_deal`, and whether only lost deals count.
    static let closedDimensions: [(name: String, key: String, onlyLost: Bool)] = [
        ("outcome", "''", false), ("reason", "COALESCE(loss_reason, '')", true), ("lost_from", "COALESCE(lost_from, '')", true),
    ]

    /// `report_open_sum`'s key columns of a lead row (prefix `NEW.`, `OLD.` or none).
    static func openKeySQL(_ row: String) -> String {
        "COALESCE(\(row)expected_close_date, \(SummaryBuckets.undated)), \(row)owner_id, \(row)stage, COALESCE(\(row)forecast_category, ''), "
            + "\(row)currency, \(row)value_minor % 100"
    }

    /// Recomputes the `report_closed_deal` row of the lead whose id is the SQL expression `lead`.
    static func refreshClosedDeal(_ lead: String) -> String {
        """
        DELETE FROM report_closed_deal WHERE lead_id = \(lead);
            INSERT INTO report_closed_deal (lead_id, closed_at, won, owner_id, source, currency, value_minor, loss_reason, lost_from, created_at)
            SELECT l.id, c.at, l.stage = 'won', l.owner_id, l.source, l.currency, l.value_minor, l.loss_reason, c.from_stage, l.created_at
            FROM lead l JOIN lead_stage_change c ON c.id = (SELECT MAX(id) FROM lead_stage_change WHERE lead_id = l.id)
            WHERE l.id = \(lead) AND l.stage IN ('won', 'lost') AND c.to_stage = l.stage;
        """
    }

    /// Adds (`sign` 1) or removes (-1) one `report_closed_deal` row (`NEW` or `OLD`) in every level and dimension.
    static func closedSumChange(_ row: String, sign: Int) -> String {
        let levels = SummaryBuckets.levelSQL(column: "\(row).closed_at").map { "SELECT \($0.level) AS level, \($0.bucket) AS bucket" }
        let dimensions = closedDimensions.map { dimension in
            "SELECT '\(dimension.name)' AS dimension, \(dimension.key.replacingOccurrences(of: "loss_reason", with: "\(row).loss_reason").replacingOccurrences(of: "lost_from", with: "\(row).lost_from")) AS key"
                + (dimension.onlyLost ? " WHERE NOT \(row).won" : "")
        }
        var sql = """
            INSERT INTO report_closed_sum (level, bucket, dimension, key, owner_id, source, won, currency, deals, value_minor)
                SELECT b.level, b.bucket, d.dimension, d.key, \(row).owner_id, \(row).source, \(row).won, \(row).currency, \(sign), \(sign) * \(row).value_minor
                FROM (\(levels.joined(separator: " UNION ALL "))) b, (\(dimensions.joined(separator: " UNION ALL "))) d WHERE true
                ON CONFLICT (level, bucket, dimension, key, owner_id, source, won, currency) DO UPDATE SET deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor;
            """
        if sign < 0 {
            let buckets = SummaryBuckets.levelSQL(column: "\(row).closed_at").map { "(level = \($0.level) AND bucket = \($0.bucket))" }
            sql += "\n    DELETE FROM report_closed_sum WHERE deals = 0 AND (\(buckets.joined(separator: " OR ")));"
        }
        return sql
    }

    /// Adds (`sign` 1) or removes (-1) one open lead row (`NEW` or `OLD`) in `report_open_sum`.
    static func openSumChange(_ row: String, sign: Int) -> String {
        var sql = """
            INSERT INTO report_open_sum (close_date, owner_id, stage, category, currency, remainder, deals, value_minor)
                SELECT \(openKeySQL("\(row).")), \(sign), \(sign) * \(row).value_minor WHERE \(row).stage NOT IN ('won', 'lost')
                ON CONFLICT (close_date, owner_id, stage, category, currency, remainder) DO UPDATE SET deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor;
            """
        if sign < 0 {
            sql += """

                DELETE FROM report_open_sum WHERE deals = 0 AND close_date = COALESCE(\(row).expected_close_date, \(SummaryBuckets.undated))
                    AND owner_id = \(row).owner_id AND stage = \(row).stage;
            """
        }
        return sql
    }

    static func createTriggers(_ db: Database) throws {
        let closedLeadColumns = "stage, owner_id, source, currency, value_minor, loss_reason, created_at"
        let openLeadColumns = "owner_id, stage, currency, value_minor, expected_close_date, forecast_category"
        try db.execute(sql: """
            CREATE TRIGGER report_closed_deal_insert AFTER INSERT ON report_closed_deal BEGIN
                \(closedSumChange("NEW", sign: 1))
            END;
            CREATE TRIGGER report_closed_deal_delete AFTER DELETE ON report_closed_deal BEGIN
                \(closedSumChange("OLD", sign: -1))
            END;
            CREATE TRIGGER report_closed_on_history_insert AFTER INSERT ON lead_stage_change
            WHEN NEW.to_stage IN ('won', 'lost') OR EXISTS (SELECT 1 FROM report_closed_deal WHERE lead_id = NEW.lead_id) BEGIN
                \(refreshClosedDeal("NEW.lead_id"))
            END;
            CREATE TRIGGER report_closed_on_history_delete AFTER DELETE ON lead_stage_change BEGIN
                \(refreshClosedDeal("OLD.lead_id"))
            END;
            CREATE TRIGGER report_closed_on_history_update AFTER UPDATE ON lead_stage_change BEGIN
                \(refreshClosedDeal("OLD.lead_id"))
                \(refreshClosedDeal("NEW.lead_id"))
            END;
            CREATE TRIGGER report_closed_on_lead_update AFTER UPDATE OF \(closedLeadColumns) ON lead
            WHEN NEW.stage IN ('won', 'lost') OR OLD.stage IN ('won', 'lost') BEGIN
                \(refreshClosedDeal("NEW.id"))
            END;
            CREATE TRIGGER report_closed_on_lead_delete AFTER DELETE ON lead BEGIN
                DELETE FROM report_closed_deal WHERE lead_id = OLD.id;
            END;
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

    /// Drops the summaries' triggers, for a bulk load that ends with ``rebuild(_:)`` (the demo generator).
    static func dropTriggers(_ db: Database) throws {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'report_closed_%' OR name LIKE 'report_open_%')
            """)
        for name in names { try db.execute(sql: "DROP TRIGGER \(name)") }
    }

    /// Recomputes every summary from scratch and (re)creates the triggers that keep them.
    static func rebuild(_ db: Database) throws {
        try dropTriggers(db)
        try db.execute(sql: """
            DELETE FROM report_closed_sum; DELETE FROM report_closed_deal; DELETE FROM report_open_sum;
            INSERT INTO report_closed_deal (\(closedDealColumns)) \(closedDealsFromScratch);
            INSERT INTO report_closed_sum (\(closedSumColumns)) \(closedSumsFromScratch);
            INSERT INTO report_open_sum (\(openSumColumns)) \(openSumsFromScratch);
            """)
        try createTriggers(db)
    }

    /// Adds the open leads with ids from `fromID` on to `report_open_sum` (a bulk import's batch, whose insert trigger
    /// was suspended).
    static func addOpenLeads(_ db: Database, fromID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO report_open_sum (\(openSumColumns))
            SELECT \(openKeySQL("")), COUNT(*), SUM(value_minor) FROM lead WHERE id >= ? AND stage NOT IN ('won', 'lost') GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (close_date, owner_id, stage, category, currency, remainder) DO UPDATE SET
                deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor
            """, arguments: [fromID])
    }

    /// The trigger a bulk import suspends for its batch (see `SuspendedTotalsTrigger`).
    static let openInsertTrigger = "report_open_on_lead_insert"
}
