import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Takes this week's forecast snapshot if nobody has yet: every open deal's stage, forecast category, value
    /// and expected close date. Returns whether this call took it.
    ///
    /// Weeks start on Monday 00:00 UTC. The week's row in `forecast_snapshot_run` is inserted first in the same
    /// `IMMEDIATE` transaction, so with several schedulers exactly one takes the snapshot; a scheduler that was
    /// down on Monday takes it on its first pass of the week (one snapshot, not one per missed pass).
    @discardableResult
    public func takeWeeklyForecastSnapshot(at now: Date, by claimer: String) throws -> Bool {
        let week = ReportPeriod.containing(now, .week, timeZone: TimeZone(identifier: "UTC")!).start.epochSeconds
        let pipeline = configuration.pipeline
        return try writer.write { db in
            try db.execute(sql: """
                INSERT INTO forecast_snapshot_run (week_start, taken_at, taken_by, deals) VALUES (?, ?, ?, 0)
                ON CONFLICT (week_start) DO NOTHING
                """, arguments: [week, now.epochSeconds, claimer])
            guard db.changesCount == 1 else { return false }
            let defaults = pipeline.openStages.map { stage in
                "WHEN '\(stage.key.rawValue.replacingOccurrences(of: "'", with: "''"))' THEN '\(ForecastCategory.default(for: stage.key, in: pipeline)?.rawValue ?? "pipeline")'"
            }.joined(separator: " ")
            try db.execute(sql: """
                INSERT INTO forecast_snapshot (week_start, lead_id, owner_id, stage, category, value_minor, currency, expected_close_date)
                SELECT ?, id, owner_id, stage, COALESCE(forecast_category, CASE stage \(defaults) ELSE 'pipeline' END), value_minor, currency,
                       expected_close_date
                FROM lead WHERE stage NOT IN ('won', 'lost')
                """, arguments: [week])
            let deals = db.changesCount
            try SnapshotSummarySchema.sum(db, week: week)
            try db.execute(sql: "UPDATE forecast_snapshot_run SET deals = ? WHERE week_start = ?", arguments: [deals, week])
            return true
        }
    }

    /// The weeks that have a snapshot, newest first, with who took it.
    public func forecastSnapshotWeeks() throws -> [(weekStart: Date, takenBy: String, deals: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT week_start, taken_by, deals FROM forecast_snapshot_run ORDER BY week_start DESC").map {
                (Date(epochSeconds: $0["week_start"]), $0["taken_by"], $0["deals"])
            }
        }
    }

    /// Deals of the scope whose forecast changed since the snapshot of `week`'s Monday: into or out of Commit,
    /// close date slipped (later, or out of the snapshot), value changed, or closed since.
    ///
    /// Reads only the deals filed in `forecast_moved_lead` since that week (see ``SnapshotSummarySchema``), each
    /// compared with its snapshot row (the CROSS JOIN keeps SQLite from scanning the snapshot instead).
    public func forecastMoves(since week: Date, scope: ReportScope) throws -> [ForecastMove] {
        try forecastMoves(since: week, scope: scope, candidates: """
            (SELECT DISTINCT lead_id FROM forecast_moved_lead WHERE week_start >= ?1) m
            CROSS JOIN forecast_snapshot s ON s.week_start = ?1 AND s.lead_id = m.lead_id
            """)
    }

    /// The same moves found by comparing every deal of the snapshot with the lead table: what the tests check the
    /// kept candidates against.
    func forecastMovesFromScratch(since week: Date, scope: ReportScope) throws -> [ForecastMove] {
        try forecastMoves(since: week, scope: scope, candidates: "forecast_snapshot s")
    }

    /// The moves among the snapshot rows `s` that `candidates` (a FROM clause, `?1` the week) yields.
    private func forecastMoves(since week: Date, scope: ReportScope, candidates: String) throws -> [ForecastMove] {
        var sql = ReportSQL()
        sql.owners(scope, column: "s.owner_id")
        let pipeline = configuration.pipeline
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.lead_id, l.title, u.name AS owner_name, s.category AS was_category, l.forecast_category, l.stage, s.stage AS was_stage,
                       s.value_minor AS was_value, l.value_minor, l.currency, s.expected_close_date AS was_close, l.expected_close_date
                FROM \(candidates)
                JOIN lead l ON l.id = s.lead_id JOIN user u ON u.id = l.owner_id
                WHERE s.week_start = ?1\(sql.clause)
                ORDER BY s.lead_id
                """, arguments: [week.epochSeconds] + sql.arguments)
            .compactMap { row -> ForecastMove? in
                guard let currency = CurrencyCode(rawValue: row["currency"]) else { return nil }
                let stage = StageKey(rawValue: row["stage"])
                let override = (row["forecast_category"] as String?).flatMap(ForecastCategory.init(rawValue:))
                let now = stage == .won ? .closed : (override ?? ForecastCategory.default(for: stage, in: pipeline))
                let move = ForecastMove(
                    leadID: row["lead_id"], title: row["title"], ownerName: row["owner_name"],
                    categoryBefore: ForecastCategory(rawValue: row["was_category"]), categoryNow: now,
                    valueBefore: Money(minorUnits: row["was_value"], currency: currency), valueNow: Money(minorUnits: row["value_minor"], currency: currency),
                    closeBefore: (row["was_close"] as Int64?).date, closeNow: (row["expected_close_date"] as Int64?).date)
                return move.kinds.isEmpty ? nil : move
            }
        }
    }
}

extension AppDatabase {
    /// The deals of the scope each weekly snapshot expected to close in the period, for the snapshots taken from the
    /// week before the period began to its end, grouped by stage, category, currency and value remainder, with how many
    /// of them were won in the period (and for how much).
    ///
    /// The expected deals come from the snapshots' sums (`forecast_snapshot_sum`); the won ones from the deals won in
    /// the period after each snapshot was taken (a deal open then can only have been won since), looked up in it (the
    /// CROSS JOINs keep SQLite from scanning the snapshot instead).
    public func forecastSnapshotGroups(_ request: ReportRequest, scope: ReportScope) throws -> [SnapshotGroup] {
        var sums = ReportSQL(), won = ReportSQL()
        sums.owners(scope, column: "owner_id")
        won.owners(scope, column: "s.owner_id")
        let start = request.period.start.epochSeconds, end = request.period.end.epochSeconds
        let firstWeek = start - 7 * 86_400
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT week_start, stage, category, currency, remainder, SUM(deals) AS deals, SUM(value) AS value,
                       SUM(won) AS won, SUM(won_value) AS won_value
                FROM (
                    SELECT week_start, stage, category, currency, remainder, deals, value_minor AS value, 0 AS won, 0 AS won_value
                    FROM forecast_snapshot_sum
                    WHERE week_start >= ? AND week_start < ? AND close_date >= ? AND close_date < ?\(sums.clause)
                    UNION ALL
                    SELECT s.week_start, s.stage, s.category, s.currency, s.value_minor % 100, 0, 0, 1, c.value_minor
                    FROM forecast_snapshot_run r
                    CROSS JOIN report_closed_deal c ON c.closed_at >= MAX(r.taken_at, ?) AND c.closed_at < ? AND c.won
                    CROSS JOIN forecast_snapshot s ON s.week_start = r.week_start AND s.lead_id = c.lead_id AND s.currency = c.currency
                    WHERE r.week_start >= ? AND r.week_start < ? AND s.expected_close_date >= ? AND s.expected_close_date < ?\(won.clause)
                )
                GROUP BY week_start, stage, category, currency, remainder
                HAVING SUM(deals) > 0
                """, arguments: [firstWeek, end, start, end] + sums.arguments + [start, end, firstWeek, end, start, end] + won.arguments)
            .compactMap(Self.snapshotGroup)
        }
    }

    /// The same groups from every deal of the snapshots: what the tests check the sums against.
    func forecastSnapshotGroupsFromScratch(_ request: ReportRequest, scope: ReportScope) throws -> [SnapshotGroup] {
        var sql = ReportSQL()
        sql.owners(scope, column: "s.owner_id")
        let start = request.period.start.epochSeconds, end = request.period.end.epochSeconds
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.week_start, s.stage, s.category, s.currency, s.value_minor % 100 AS remainder, COUNT(*) AS deals, SUM(s.value_minor) AS value,
                       COALESCE(SUM(c.lead_id IS NOT NULL), 0) AS won, COALESCE(SUM(c.value_minor), 0) AS won_value
                FROM forecast_snapshot s
                LEFT JOIN report_closed_deal c ON c.lead_id = s.lead_id AND c.won AND c.closed_at >= ? AND c.closed_at < ?
                    AND c.currency = s.currency
                WHERE s.week_start >= ? AND s.week_start < ? AND s.expected_close_date >= ? AND s.expected_close_date < ?\(sql.clause)
                GROUP BY s.week_start, s.stage, s.category, s.currency, remainder
                """, arguments: [start, end, start - 7 * 86_400, end, start, end] + sql.arguments)
            .compactMap(Self.snapshotGroup)
        }
    }

    /// One row of a snapshot group query (week_start, stage, category, currency, remainder, deals, value, won, won_value).
    private static func snapshotGroup(_ row: Row) -> SnapshotGroup? {
        guard let currency = CurrencyCode(rawValue: row["currency"]) else { return nil }
        let group = OpenPipelineGroup(ownerID: nil, stage: StageKey(rawValue: row["stage"]), categoryOverride: ForecastCategory(rawValue: row["category"]),
                                      currency: currency, expectedClose: nil, remainder: row["remainder"], deals: row["deals"], valueMinor: row["value"])
        return SnapshotGroup(weekStart: Date(epochSeconds: row["week_start"]), pipeline: group, wonDeals: row["won"], wonValueMinor: row["won_value"])
    }

    /// Value won in the period before each snapshot of `weeks` was taken (deals won then and still won, in `currency`,
    /// within the scope): what each snapshot's forecast already had closed. Keyed by the snapshot's Monday.
    ///
    /// The whole UTC hours up to the snapshot are read from the closed-deal summaries (``closedTallies(_:scope:outcomesOnly:reading:)``,
    /// so the same deals as the period's "won"), the minutes of the hour it was taken in from the rows.
    public func wonValueAtSnapshots(_ weeks: [Date], _ request: ReportRequest, scope: ReportScope, currency: CurrencyCode) throws -> [Date: Int64] {
        var sql = ReportSQL()
        sql.owners(scope, column: "c.owner_id")
        sql.source(request.source, column: "c.source")
        let start = request.period.start.epochSeconds
        return try weeks.reduce(into: [Date: Int64]()) { values, week in
            let taken = try writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT taken_at FROM forecast_snapshot_run WHERE week_start = ?", arguments: [week.epochSeconds])
            } ?? week.epochSeconds
            let end = min(taken, request.period.end.epochSeconds)
            guard end > start else { return values[week] = 0 }
            let wholeHours = max(start, end - end % 3_600)
            let summed = ReportRequest(period: ReportPeriod(start: request.period.start, end: Date(epochSeconds: wholeHours), timeZoneID: request.period.timeZoneID),
                                       source: request.source)
            let before = wholeHours > start
                ? try closedTallies(summed, scope: scope, outcomesOnly: true).filter { $0.won && $0.currency == currency }.reduce(0) { $0 + $1.valueMinor }
                : 0
            let lastHour = try writer.read { db in
                try Int64.fetchOne(db, sql: """
                    SELECT COALESCE(SUM(c.value_minor), 0) FROM report_closed_deal c JOIN user u ON u.id = c.owner_id
                    WHERE c.won AND c.currency = ? AND c.closed_at >= ? AND c.closed_at < ?\(sql.clause)
                    """, arguments: [currency.rawValue, wholeHours, end] + sql.arguments) ?? 0
            }
            values[week] = before + lastHour
        }
    }
}
