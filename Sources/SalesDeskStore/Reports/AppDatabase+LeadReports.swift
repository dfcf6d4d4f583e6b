import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The funnel's input: for the leads created in the period, how many got no further than each stage
    /// (the furthest stage ever entered, Won past every open stage; see `FunnelReport`).
    public func funnelCounts(_ request: ReportRequest, scope: ReportScope, reading: ReportReading = .summaries) throws -> [FunnelCount] {
        let order = configuration.pipeline.openStages.map(\.key) + [.won]
        if reading == .summaries, let sums = try summed(.cohort, request, scope: scope) {
            var counts = [Int](repeating: 0, count: order.count)
            for sum in sums where sum.dimension == "reached" {
                let ranks = sum.key.split(separator: ",").compactMap { order.firstIndex(of: StageKey(rawValue: String($0))) }
                counts[ranks.max() ?? 0] += sum.count
            }
            return order.indices.filter { counts[$0] != 0 }.map { FunnelCount(furthest: order[$0], leads: counts[$0]) }
        }
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT furthest, COUNT(*) AS leads FROM (
                    SELECT MAX(\(stageRankSQL(configuration.pipeline, column: "c.to_stage"))) AS furthest
                    FROM lead l JOIN lead_stage_change c ON c.lead_id = l.id
                    WHERE l.created_at >= ? AND l.created_at < ?\(sql.clause)
                    GROUP BY l.id)
                GROUP BY furthest
                """, arguments: [request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            .map { row in FunnelCount(furthest: order[max(0, row["furthest"] as Int)], leads: row["leads"]) }
        }
    }

    /// Deals won or lost in the period and still closed: the last time each entered its current Won or Lost stage.
    public func closedDeals(_ request: ReportRequest, scope: ReportScope) throws -> [ClosedDeal] {
        try closedDeals(from: request.period.start, to: request.period.end, request, scope: scope)
    }

    func closedDeals(from start: Date, to end: Date, _ request: ReportRequest, scope: ReportScope) throws -> [ClosedDeal] {
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.id, l.stage, l.value_minor, l.currency, l.owner_id, u.name AS owner_name, l.source, l.loss_reason, l.loss_note,
                       c.from_stage, c.at, l.created_at
                FROM lead_stage_change c
                JOIN lead l ON l.id = c.lead_id AND l.stage = c.to_stage
                JOIN user u ON u.id = l.owner_id
                WHERE c.at >= ? AND c.at < ? AND c.to_stage IN ('won', 'lost')\(sql.clause)
                    AND c.id = (SELECT MAX(id) FROM lead_stage_change WHERE lead_id = l.id)
                """, arguments: [start.epochSeconds, end.epochSeconds] + sql.arguments)
            .compactMap { row -> ClosedDeal? in
                guard let currency = CurrencyCode(rawValue: row["currency"]), let source = LeadSource(rawValue: row["source"]) else { return nil }
                let won = (row["stage"] as String) == StageKey.won.rawValue
                return ClosedDeal(
                    leadID: row["id"], won: won, value: Money(minorUnits: row["value_minor"], currency: currency),
                    ownerID: row["owner_id"], ownerName: row["owner_name"], source: source,
                    lossReason: won ? nil : (row["loss_reason"] as String?).flatMap { try? LossReason.parse($0, note: row["loss_note"]) },
                    lostFrom: won ? nil : (row["from_stage"] as String?).map(StageKey.init(rawValue:)),
                    closedAt: Date(epochSeconds: row["at"]), createdAt: Date(epochSeconds: row["created_at"]))
            }
        }
    }

    /// Stays that ended in the period: each stage left then, with the days since the lead entered it.
    public func stageStays(_ request: ReportRequest, scope: ReportScope) throws -> [StageStay] {
        try stageStaySeconds(request, scope: scope).map { StageStay(stage: $0.stage, days: Double($0.seconds) / 86_400) }
    }

    /// Stays that ended in the period, each stage left then with the seconds since the lead entered it.
    ///
    /// Look-ups of a lead's neighbouring steps walk `lead_stage_change(lead_id, at)`; the `+` on `id` keeps SQLite
    /// from walking the whole table by rowid instead (measured: minutes on the 1m set).
    func stageStaySeconds(_ request: ReportRequest, scope: ReportScope) throws -> [(stage: StageKey, seconds: Int64)] {
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.from_stage AS stage,
                       c.at - (SELECT p.at FROM lead_stage_change p WHERE p.lead_id = c.lead_id AND +p.id < c.id
                               ORDER BY p.at DESC, p.id DESC LIMIT 1) AS seconds
                FROM lead_stage_change c JOIN lead l ON l.id = c.lead_id
                WHERE c.at >= ? AND c.at < ? AND c.from_stage IS NOT NULL\(sql.clause)
                """, arguments: [request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            .compactMap { row in (row["seconds"] as Int64?).map { (StageKey(rawValue: row["stage"]), $0) } }
        }
    }

    /// Open deals at or past ``PipelineVelocity``'s qualifying stage, now and as they were at `then`.
    ///
    /// Now comes from the board totals; `then` is worked back from the leads whose stage changed since: from the rows,
    /// each such lead's first change after `then` says whether it was qualified then; from the summaries, the
    /// qualified stays that were under way at `then` (`report_stage_stay`, ended after it, begun at or before it) are
    /// added and the qualified leads that entered their stage after `then` (`stage_entered_at`, counted in the index
    /// `report_lead_open_entered`, or per owner in `report_lead_open_owner_entered` for a team or an owner) are taken
    /// away. Both give the same count.
    public func openQualifiedDeals(at then: Date, qualifiedFrom: StageKey, _ request: ReportRequest, scope: ReportScope,
                                   reading: ReportReading = .summaries) throws -> (now: Int, then: Int) {
        let pipeline = configuration.pipeline
        let keys = pipeline.openStages.map(\.key)
        let qualified = Array(keys.drop { $0 != qualifiedFrom })
        let list = qualified.map { "'\($0.rawValue.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            let now: Int
            if request.source == nil {
                var totals = ReportSQL()
                totals.owners(scope, column: "owner_id")
                now = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(lead_count), 0) FROM pipeline_total WHERE stage IN (\(list))\(totals.clause)",
                                       arguments: totals.arguments) ?? 0
            } else {
                now = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead l WHERE l.stage IN (\(list))\(sql.clause)", arguments: sql.arguments) ?? 0
            }
            if reading == .summaries {
                var stays = ReportSQL()
                stays.owners(scope, column: "owner_id")
                stays.source(request.source, column: "source")
                let underWay = try Int.fetchOne(db, sql: StageSpeedSQL.underWay(stages: list, filter: stays.clause),
                                                arguments: [then.epochSeconds, then.epochSeconds] + stays.arguments) ?? 0
                let enteredSince = try Int.fetchOne(db, sql: StageSpeedSQL.enteredSince(stages: list, filter: sql.clause),
                                                    arguments: [then.epochSeconds] + sql.arguments) ?? 0
                return (now, now - enteredSince + underWay)
            }
            // For each lead changed since `then`: was it qualified then (the stage its first later change left, or not yet
            // created), and is it now.
            let change = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(was), 0) AS was, COALESCE(SUM(is_now), 0) AS is_now FROM (
                    SELECT (SELECT COALESCE(f.from_stage, '') IN (\(list)) FROM lead_stage_change f
                            WHERE f.lead_id = l.id AND f.at > ? ORDER BY f.at, f.id LIMIT 1) AS was,
                           l.stage IN (\(list)) AS is_now
                    FROM lead l
                    WHERE l.id IN (SELECT DISTINCT lead_id FROM lead_stage_change WHERE at > ?)\(sql.clause))
                """, arguments: [then.epochSeconds, then.epochSeconds] + sql.arguments)
            let was: Int = change?["was"] ?? 0
            let isNow: Int = change?["is_now"] ?? 0
            return (now, now - isNow + was)
        }
    }

    /// Per source: leads created in the period, how many are won, and their won value in `currency`.
    public func sourceCounts(_ request: ReportRequest, scope: ReportScope, currency: CurrencyCode, reading: ReportReading = .summaries) throws -> [SourceCount] {
        if reading == .summaries, let sums = try summed(.cohort, request, scope: scope) {
            var bySource: [LeadSource: (created: Int, won: Int, value: Int64)] = [:]
            for sum in sums where sum.dimension == "created" {
                bySource[sum.source, default: (0, 0, 0)].created += sum.count
                if sum.won { bySource[sum.source]!.won += sum.count }
                if sum.won && sum.currency == currency { bySource[sum.source]!.value += sum.valueMinor }
            }
            return bySource.map { SourceCount(source: $0.key, created: $0.value.created, won: $0.value.won,
                                              wonValue: Money(minorUnits: $0.value.value, currency: currency)) }
        }
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.source, COUNT(*) AS created, SUM(l.stage = 'won') AS won,
                       COALESCE(SUM(CASE WHEN l.stage = 'won' AND l.currency = ? THEN l.value_minor END), 0) AS won_value
                FROM lead l WHERE l.created_at >= ? AND l.created_at < ?\(sql.clause)
                GROUP BY l.source
                """, arguments: [currency.rawValue, request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            .compactMap { row in
                LeadSource(rawValue: row["source"]).map {
                    SourceCount(source: $0, created: row["created"], won: row["won"], wonValue: Money(minorUnits: row["won_value"], currency: currency))
                }
            }
        }
    }

    /// The forecast's input: open deals expected to close in the period and deals won in it.
    public func forecastDeals(_ request: ReportRequest, scope: ReportScope) throws -> [ForecastDeal] {
        let sql = ReportSQL.leads(scope, request)
        let range: StatementArguments = [request.period.start.epochSeconds, request.period.end.epochSeconds]
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.id, l.title, l.owner_id, u.name AS owner_name, u.team_id, l.stage, l.value_minor, l.currency,
                       l.expected_close_date, l.forecast_category, NULL AS won_at
                FROM lead l JOIN user u ON u.id = l.owner_id
                WHERE l.expected_close_date >= ? AND l.expected_close_date < ? AND l.stage NOT IN ('won', 'lost')\(sql.clause)
                UNION ALL
                SELECT l.id, l.title, l.owner_id, u.name, u.team_id, l.stage, l.value_minor, l.currency,
                       l.expected_close_date, l.forecast_category, c.at
                FROM lead_stage_change c JOIN lead l ON l.id = c.lead_id AND l.stage = 'won' JOIN user u ON u.id = l.owner_id
                WHERE c.at >= ? AND c.at < ? AND c.to_stage = 'won'\(sql.clause)
                """, arguments: range + sql.arguments + range + sql.arguments)
            .compactMap(ForecastDeal.init(row:))
        }
    }

    /// Open deals in scope without an expected close date (the forecast lists how many it could not place).
    public func undatedOpenDeals(_ request: ReportRequest, scope: ReportScope) throws -> Int {
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead l WHERE l.expected_close_date IS NULL AND l.stage NOT IN ('won', 'lost')\(sql.clause)",
                             arguments: sql.arguments) ?? 0
        }
    }

    /// Every open deal of the scope (for the scorecard's pipeline figures).
    public func openDeals(_ request: ReportRequest, scope: ReportScope) throws -> [ForecastDeal] {
        let sql = ReportSQL.leads(scope, request)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.id, l.title, l.owner_id, u.name AS owner_name, u.team_id, l.stage, l.value_minor, l.currency,
                       l.expected_close_date, l.forecast_category, NULL AS won_at
                FROM lead l JOIN user u ON u.id = l.owner_id
                WHERE l.stage NOT IN ('won', 'lost')\(sql.clause)
                """, arguments: sql.arguments)
            .compactMap(ForecastDeal.init(row:))
        }
    }
}

extension ForecastDeal {
    init?(row: Row) {
        guard let currency = CurrencyCode(rawValue: row["currency"]) else { return nil }
        self.init(leadID: row["id"], title: row["title"], ownerID: row["owner_id"], ownerName: row["owner_name"], teamID: row["team_id"],
                  stage: StageKey(rawValue: row["stage"]), value: Money(minorUnits: row["value_minor"], currency: currency),
                  expectedClose: (row["expected_close_date"] as Int64?).date,
                  categoryOverride: (row["forecast_category"] as String?).flatMap(ForecastCategory.init(rawValue:)),
                  wonAt: (row["won_at"] as Int64?).date)
    }
}
