import GRDB

/// One kind of lead fact the reports sum by time: a fact table with one row per lead (kept by triggers from the
/// lead and its stage history) and a sum table of those rows per time bucket (``SummaryBuckets``), dimension, owner,
/// source, outcome and currency.
///
/// Two kinds exist: ``closedDeals`` (the win/loss, forecast and scorecard figures) and ``cohort`` (the funnel and
/// sources figures of the leads created in a period).
struct SummedFacts: Sendable {
    /// One way a fact is summed besides time, owner, source, outcome and currency.
    struct Dimension: Sendable {
        var name: String
        /// The key's SQL for a fact row prefix (`NEW.`, `OLD.` or ``).
        var key: @Sendable (String) -> String
        /// When only some facts count: SQL true for them (same prefix); nil for all.
        var condition: (@Sendable (String) -> String)?
        /// Whether the outcome, currency and value are kept; false sums counts only (outcome 0, currency '', value 0).
        var keepsOutcome = true

        func outcome(_ prefix: String) -> (won: String, currency: String, value: String) {
            keepsOutcome ? ("\(prefix)won", "\(prefix)currency", "\(prefix)value_minor") : ("0", "''", "0")
        }
    }

    let factTable: String
    let factColumns: [String]
    /// The fact row of each lead `l` that has one, as a SELECT of ``factColumns`` over `lead l` (and joins), ending
    /// in a WHERE clause the caller may extend with `AND …`.
    let factSelect: String
    /// Triggers on `lead` refresh the fact when one of these columns changes.
    let leadColumns: [String]
    /// A lead update refreshes the fact only when this holds (SQL on `NEW`/`OLD`); nil for every update.
    let leadUpdateCondition: String?
    /// A new stage change refreshes the fact only when this holds (SQL on `NEW`); nil for every change.
    let historyInsertCondition: String?
    /// Whether a new lead gets its fact at once (before any stage history).
    let factOnLeadInsert: Bool
    let sumTable: String
    let timeColumn: String
    let dimensions: [Dimension]

    static let sumColumns = "level, bucket, dimension, key, owner_id, source, won, currency, deals, value_minor"

    /// The SQL creating the fact and sum tables (without indexes).
    var createTablesSQL: String {
        """
        CREATE TABLE \(factTable) (lead_id INTEGER PRIMARY KEY, \(factColumns.dropFirst().joined(separator: ", ")));
        CREATE TABLE \(sumTable) (
            level INTEGER NOT NULL, bucket INTEGER NOT NULL, dimension TEXT NOT NULL, key TEXT NOT NULL,
            owner_id INTEGER NOT NULL, source TEXT NOT NULL, won INTEGER NOT NULL, currency TEXT NOT NULL,
            deals INTEGER NOT NULL, value_minor INTEGER NOT NULL,
            PRIMARY KEY (level, bucket, dimension, key, owner_id, source, won, currency)
        ) WITHOUT ROWID;
        """
    }

    private var factNames: String { factColumns.map { $0.split(separator: " ").first.map(String.init)! }.joined(separator: ", ") }

    /// Every fact, from the leads and their history.
    var factsFromScratch: String { factSelect }

    /// The facts summed in every level and dimension, from the fact table.
    var sumsFromScratch: String { sums(where: nil) }

    /// The facts matching `filter` (SQL on the fact table; nil for all) summed in every level and dimension.
    func sums(where filter: String?) -> String {
        SummaryBuckets.levelSQL(column: timeColumn).flatMap { level, bucket in
            dimensions.map { dimension in
                let conditions = [filter, dimension.condition?("")].compactMap { $0 }
                let outcome = dimension.outcome("")
                return """
                    SELECT \(level), \(bucket), '\(dimension.name)', \(dimension.key("")), owner_id, source, \(outcome.won), \(outcome.currency),
                           COUNT(*), SUM(\(outcome.value))
                    FROM \(factTable) \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) GROUP BY 2, 4, 5, 6, 7, 8
                    """
            }
        }.joined(separator: " UNION ALL ")
    }

    /// Recomputes the fact of the lead whose id is the SQL expression `lead`.
    func refresh(_ lead: String) -> String {
        """
        DELETE FROM \(factTable) WHERE lead_id = \(lead);
            INSERT INTO \(factTable) (\(factNames)) \(factSelect) AND l.id = \(lead);
        """
    }

    /// Adds (`sign` 1) or removes (-1) one fact row (`NEW` or `OLD`) in every level and dimension.
    func sumChange(_ row: String, sign: Int) -> String {
        let prefix = "\(row)."
        let levels = SummaryBuckets.levelSQL(column: prefix + timeColumn).map { "SELECT \($0.level) AS level, \($0.bucket) AS bucket" }
        let keys = dimensions.map { dimension in
            let outcome = dimension.outcome(prefix)
            return "SELECT '\(dimension.name)' AS dimension, \(dimension.key(prefix)) AS key, \(outcome.won) AS won, \(outcome.currency) AS currency, "
                + "\(outcome.value) AS value_minor" + (dimension.condition.map { " WHERE \($0(prefix))" } ?? "")
        }
        var sql = """
            INSERT INTO \(sumTable) (\(Self.sumColumns))
                SELECT b.level, b.bucket, d.dimension, d.key, \(prefix)owner_id, \(prefix)source, d.won, d.currency, \(sign), \(sign) * d.value_minor
                FROM (\(levels.joined(separator: " UNION ALL "))) b, (\(keys.joined(separator: " UNION ALL "))) d WHERE true
                ON CONFLICT (level, bucket, dimension, key, owner_id, source, won, currency) DO UPDATE SET
                    deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor;
            """
        if sign < 0 {
            let buckets = SummaryBuckets.levelSQL(column: prefix + timeColumn).map { "(level = \($0.level) AND bucket = \($0.bucket))" }
            sql += "\n    DELETE FROM \(sumTable) WHERE deals = 0 AND (\(buckets.joined(separator: " OR ")));"
        }
        return sql
    }

    /// The trigger names, so bulk loads can drop them.
    var triggerPrefix: String { factTable + "_" }
    var historyInsertTrigger: String { triggerPrefix + "on_history_insert" }
    var leadInsertTrigger: String { triggerPrefix + "on_lead_insert" }

    /// The triggers keeping the fact and sum tables exact.
    var triggersSQL: String {
        var sql = """
            CREATE TRIGGER \(triggerPrefix)sum_insert AFTER INSERT ON \(factTable) BEGIN
                \(sumChange("NEW", sign: 1))
            END;
            CREATE TRIGGER \(triggerPrefix)sum_delete AFTER DELETE ON \(factTable) BEGIN
                \(sumChange("OLD", sign: -1))
            END;
            CREATE TRIGGER \(historyInsertTrigger) AFTER INSERT ON lead_stage_change
            \(historyInsertCondition.map { "WHEN \($0)" } ?? "") BEGIN
                \(refresh("NEW.lead_id"))
            END;
            \(Self.historyRewriteTriggers(prefix: triggerPrefix, refresh: refresh))
            CREATE TRIGGER \(triggerPrefix)on_lead_update AFTER UPDATE OF \(leadColumns.joined(separator: ", ")) ON lead
            \(leadUpdateCondition.map { "WHEN \($0)" } ?? "") BEGIN
                \(refresh("NEW.id"))
            END;
            CREATE TRIGGER \(triggerPrefix)on_lead_delete AFTER DELETE ON lead BEGIN
                DELETE FROM \(factTable) WHERE lead_id = OLD.id;
            END;
            """
        if factOnLeadInsert {
            sql += """

                CREATE TRIGGER \(leadInsertTrigger) AFTER INSERT ON lead BEGIN
                    \(refresh("NEW.id"))
                END;
                """
        }
        return sql
    }

    /// The triggers recomputing a lead's facts (`refresh` of a lead id's SQL) when one of its stage changes is
    /// removed or rewritten, named `prefix` + `on_history_delete` / `on_history_update`.
    static func historyRewriteTriggers(prefix: String, refresh: (String) -> String) -> String {
        """
        CREATE TRIGGER \(prefix)on_history_delete AFTER DELETE ON lead_stage_change BEGIN
                \(refresh("OLD.lead_id"))
            END;
            CREATE TRIGGER \(prefix)on_history_update AFTER UPDATE ON lead_stage_change BEGIN
                \(refresh("OLD.lead_id"))
                \(refresh("NEW.lead_id"))
            END;
        """
    }

    /// Fills both tables from scratch (empty tables, no triggers yet).
    func backfill(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO \(factTable) (\(factNames)) \(factsFromScratch)")
        try db.execute(sql: "INSERT INTO \(sumTable) (\(Self.sumColumns)) \(sumsFromScratch)")
    }

    /// Adds the facts of the leads with ids from `firstID` on (a bulk import's new leads, whose triggers were dropped)
    /// and their sums, grouped, before the caller re-creates the triggers.
    func appendNewLeads(_ db: Database, fromID firstID: Int64) throws {
        let sumInsert = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                            arguments: [triggerPrefix + "sum_insert"])
        if sumInsert != nil { try db.execute(sql: "DROP TRIGGER \(triggerPrefix)sum_insert") }
        try db.execute(sql: "DELETE FROM \(factTable) WHERE lead_id >= ?", arguments: [firstID])
        // `NOT INDEXED` reads the batch's leads by their id range, not every Won or Lost lead through a stage index
        // (47 ms against 3 ms per batch on the 1m set).
        let batch = factSelect.replacingOccurrences(of: "FROM lead l ", with: "FROM lead l NOT INDEXED ")
        try db.execute(sql: "INSERT INTO \(factTable) (\(factNames)) \(batch) AND l.id >= ?", arguments: [firstID])
        try db.execute(sql: """
            INSERT INTO \(sumTable) (\(Self.sumColumns)) SELECT * FROM (\(sums(where: "lead_id >= :first"))) WHERE true
            ON CONFLICT (level, bucket, dimension, key, owner_id, source, won, currency) DO UPDATE SET
                deals = deals + excluded.deals, value_minor = value_minor + excluded.value_minor
            """, arguments: ["first": firstID])
        if let sumInsert { try db.execute(sql: sumInsert) }
    }

    /// Table names whose rows differ from a recomputation from scratch.
    func drift(_ db: Database) throws -> [String] {
        try [(factTable, factNames, factsFromScratch), (sumTable, Self.sumColumns, sumsFromScratch)].filter { table, columns, scratch in
            try SummedFacts.differs(db, kept: "SELECT \(columns) FROM \(table)", scratch: scratch)
        }.map(\.0)
    }

    static func differs(_ db: Database, kept: String, scratch: String) throws -> Bool {
        let count = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM (\(kept) EXCEPT SELECT * FROM (\(scratch))))
                 + (SELECT COUNT(*) FROM (SELECT * FROM (\(scratch)) EXCEPT \(kept)))
            """) ?? 0
        return count > 0
    }

    /// The names of `tables` whose kept rows differ from their recomputation (see ``differs(_:kept:scratch:)``).
    static func differing(_ db: Database, _ tables: [(name: String, kept: String, scratch: String)]) throws -> [String] {
        try tables.filter { try differs(db, kept: $0.kept, scratch: $0.scratch) }.map(\.name)
    }

    /// The three triggers that keep a sum exact as rows of `table` come, go and change: `named` + `insert`, `delete`
    /// and `update`, each running `change(row, sign)` — the statements that add (`sign` 1) or take away (-1) the row
    /// `NEW` or `OLD`. With `columns`, the update trigger fires only when one of them changes value.
    static func rowTriggers(named name: String, on table: String, columns: [String]? = nil, change: (String, Int) -> String) -> String {
        let update = columns.map { " OF \($0.joined(separator: ", ")) ON \(table) WHEN " + $0.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ") }
            ?? " ON \(table)"
        return """
            CREATE TRIGGER \(name)insert AFTER INSERT ON \(table) BEGIN
                \(change("NEW", 1))
            END;
            CREATE TRIGGER \(name)delete AFTER DELETE ON \(table) BEGIN
                \(change("OLD", -1))
            END;
            CREATE TRIGGER \(name)update AFTER UPDATE\(update) BEGIN
                \(change("OLD", -1))
                \(change("NEW", 1))
            END;
            """
    }

    /// Drops the triggers whose names start with one of `prefixes` (a summary's triggers, before a bulk load that
    /// rebuilds it).
    static func dropTriggers(_ db: Database, prefixes: [String]) throws {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'trigger' AND (\(prefixes.map { "name LIKE '\($0)%'" }.joined(separator: " OR ")))
            """)
        for name in names { try db.execute(sql: "DROP TRIGGER \(name)") }
    }
}

extension SummedFacts {
    /// Leads Won or Lost now, as ``AppDatabase/closedDeals(_:scope:)`` defines them: the lead's last stage change
    /// entered its current stage. Summed by when they closed: every deal as `outcome`, lost ones also by `reason`
    /// and by the stage they were `lost_from`.
    static let closedDeals = SummedFacts(
        factTable: "report_closed_deal",
        factColumns: ["lead_id", "closed_at INTEGER NOT NULL", "won INTEGER NOT NULL", "owner_id INTEGER NOT NULL", "source TEXT NOT NULL",
                      "currency TEXT NOT NULL", "value_minor INTEGER NOT NULL", "loss_reason TEXT", "lost_from TEXT", "created_at INTEGER NOT NULL"],
        factSelect: """
            SELECT l.id, c.at, l.stage = 'won', l.owner_id, l.source, l.currency, l.value_minor, l.loss_reason, c.from_stage, l.created_at
            FROM lead l JOIN lead_stage_change c ON c.id = (SELECT MAX(id) FROM lead_stage_change WHERE lead_id = l.id)
            WHERE l.stage IN ('won', 'lost') AND c.to_stage = l.stage
            """,
        leadColumns: ["stage", "owner_id", "source", "currency", "value_minor", "loss_reason", "created_at"],
        leadUpdateCondition: "NEW.stage IN ('won', 'lost') OR OLD.stage IN ('won', 'lost')",
        historyInsertCondition: "NEW.to_stage IN ('won', 'lost') OR EXISTS (SELECT 1 FROM report_closed_deal WHERE lead_id = NEW.lead_id)",
        factOnLeadInsert: false,
        sumTable: "report_closed_sum", timeColumn: "closed_at",
        dimensions: [
            Dimension(name: "outcome", key: { _ in "''" }, condition: nil),
            Dimension(name: "reason", key: { "COALESCE(\($0)loss_reason, '')" }, condition: { "NOT \($0)won" }),
            Dimension(name: "lost_from", key: { "COALESCE(\($0)lost_from, '')" }, condition: { "NOT \($0)won" }, keepsOutcome: false),
        ])

    /// Every lead, summed by when it was created: `created` (won = its stage is Won now, with its value) and, for
    /// leads with stage history, `reached` keyed by the stages it ever entered (sorted, comma-joined), from which
    /// the funnel takes the furthest.
    static let cohort = SummedFacts(
        factTable: "report_cohort_lead",
        factColumns: ["lead_id", "created_at INTEGER NOT NULL", "won INTEGER NOT NULL", "owner_id INTEGER NOT NULL", "source TEXT NOT NULL",
                      "currency TEXT NOT NULL", "value_minor INTEGER NOT NULL", "reached TEXT"],
        factSelect: """
            SELECT l.id, l.created_at, l.stage = 'won', l.owner_id, l.source, l.currency, l.value_minor,
                   (SELECT group_concat(to_stage, ',') FROM (SELECT DISTINCT to_stage FROM lead_stage_change WHERE lead_id = l.id ORDER BY to_stage))
            FROM lead l WHERE 1
            """,
        leadColumns: ["stage", "owner_id", "source", "currency", "value_minor", "created_at"],
        leadUpdateCondition: nil,
        historyInsertCondition: nil,
        factOnLeadInsert: true,
        sumTable: "report_cohort_sum", timeColumn: "created_at",
        dimensions: [
            Dimension(name: "created", key: { _ in "''" }, condition: nil),
            Dimension(name: "reached", key: { "\($0)reached" }, condition: { "\($0)reached IS NOT NULL" }, keepsOutcome: false),
        ])
}
