import Foundation
import GRDB
import SalesDeskDomain

/// Where a report's figures are read from: the trigger-kept summaries (fast) or the rows they sum (the definition).
public enum ReportReading: Sendable {
    case summaries
    case rows
}

extension AppDatabase {
    /// The period's closed deals summed per month of the period (``ClosedTally``), within the reader's scope.
    ///
    /// Read from `report_closed_sum` when the period's months end on whole UTC hours, else (or when `reading` is
    /// `.rows`) summed from ``closedDeals(_:scope:)``; both give the same tallies.
    /// `outcomesOnly`: just the ``ClosedTally/Dimension/outcome`` tallies (what the forecast and scorecard need).
    public func closedTallies(_ request: ReportRequest, scope: ReportScope, outcomesOnly: Bool = false,
                              reading: ReportReading = .summaries) throws -> [ClosedTally] {
        guard reading == .summaries, let sums = try summed(.closedDeals, request, scope: scope, dimension: outcomesOnly ? "outcome" : nil) else {
            let tallies = ClosedTally.tallies(of: try closedDeals(request, scope: scope), in: request.period)
            return outcomesOnly ? tallies.filter { $0.dimension == .outcome } : tallies
        }
        let names = try users().reduce(into: [Int64: String]()) { names, user in if let id = user.id { names[id] = user.name } }
        return sums.compactMap { sum in
            // Deals of owners no longer on file are left out, as the row query's join with `user` leaves them out.
            guard let name = names[sum.ownerID] else { return nil }
            let dimension: ClosedTally.Dimension
            switch sum.dimension {
            case "reason": dimension = .lossReason(sum.key.isEmpty ? nil : sum.key)
            case "lost_from": dimension = .lostFrom(sum.key.isEmpty ? nil : StageKey(rawValue: sum.key))
            default: dimension = .outcome
            }
            return ClosedTally(month: sum.month, dimension: dimension, ownerID: sum.ownerID, ownerName: name, source: sum.source,
                               won: sum.won, currency: sum.currency ?? configuration.defaultCurrency, deals: sum.count, valueMinor: sum.valueMinor)
        }
    }

    /// One summed group of a period's month: a `SummedFacts` sum row added up over the month's pieces.
    struct MonthSum: Hashable {
        var month: Int
        var dimension: String
        var key: String
        var ownerID: Int64
        var source: LeadSource
        var won: Bool
        /// nil for dimensions summed without currency.
        var currency: CurrencyCode?
        var count = 0
        var valueMinor: Int64 = 0
    }

    /// The sums of `facts` per month of the request's period, within the scope and source (and of one `dimension` when
    /// given); nil when a month's ends are not whole UTC hours (the caller sums rows instead).
    func summed(_ facts: SummedFacts, _ request: ReportRequest, scope: ReportScope, dimension: String? = nil) throws -> [MonthSum]? {
        let pieces = request.period.months().map { SummaryBuckets.pieces(from: $0.start.epochSeconds, to: $0.end.epochSeconds) }
        guard pieces.allSatisfy({ $0 != nil }) else { return nil }
        var sql = ReportSQL()
        if let dimension {
            sql.clause += " AND dimension = ?"
            sql.arguments += [dimension]
        }
        sql.owners(scope, column: "owner_id")
        sql.source(request.source, column: "source")
        var sums: [MonthSum: MonthSum] = [:]
        try writer.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT dimension, key, owner_id, source, won, currency, SUM(deals), SUM(value_minor)
                FROM \(facts.sumTable) WHERE level = ? AND bucket >= ? AND bucket < ?\(sql.clause)
                GROUP BY dimension, key, owner_id, source, won, currency
                """)
            for (month, monthPieces) in pieces.enumerated() {
                for piece in monthPieces ?? [] {
                    let rows = try Row.fetchCursor(statement, arguments: [piece.level.rawValue, piece.lower, piece.upper] + sql.arguments)
                    while let row = try rows.next() {
                        guard let source = LeadSource(rawValue: row[3]) else { continue }
                        let currency: String = row[5]
                        let group = MonthSum(month: month, dimension: row[0], key: row[1], ownerID: row[2], source: source, won: row[4],
                                             currency: CurrencyCode(rawValue: currency))
                        guard currency.isEmpty || group.currency != nil else { continue }
                        let count: Int = row[6], value: Int64 = row[7]
                        sums[group, default: group].count += count * Int(piece.sign)
                        sums[group]!.valueMinor += value * piece.sign
                    }
                }
            }
        }
        return sums.values.filter { $0.count != 0 }
    }

    /// The forecast's open deals of the scope expected to close in the period, summed per close date, stage, category
    /// and currency (owners summed), plus one group of the undated ones.
    public func forecastOpenGroups(_ request: ReportRequest, scope: ReportScope, reading: ReportReading = .summaries) throws -> [OpenPipelineGroup] {
        guard reading == .summaries, request.source == nil else {
            let deals = try forecastDeals(request, scope: scope).filter { $0.wonAt == nil }
            let undated = try undatedOpenDeals(request, scope: scope)
            return deals.map(OpenPipelineGroup.init) + [undatedGroup(undated)]
        }
        var sql = ReportSQL()
        sql.owners(scope, column: "owner_id")
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT close_date, stage, category, currency, remainder, SUM(deals), SUM(value_minor) FROM report_open_sum
                WHERE close_date >= ? AND close_date < ?\(sql.clause) GROUP BY close_date, stage, category, currency, remainder
                """, arguments: [request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            let undated = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(deals), 0) FROM report_open_sum WHERE close_date = ?\(sql.clause)",
                                           arguments: [SummaryBuckets.undated] + sql.arguments) ?? 0
            return rows.compactMap { OpenPipelineGroup(summary: $0, ownerID: nil, closeDate: $0[0]) } + [undatedGroup(undated)]
        }
    }

    /// Every open deal of the scope summed per owner, stage, currency and value remainder (the scorecard's pipeline).
    public func openPipelineByOwner(_ request: ReportRequest, scope: ReportScope, reading: ReportReading = .summaries) throws -> [OpenPipelineGroup] {
        guard reading == .summaries, request.source == nil else { return try openDeals(request, scope: scope).map(OpenPipelineGroup.init) }
        var sql = ReportSQL()
        sql.owners(scope, column: "owner_id")
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT owner_id, stage, '' AS category, currency, remainder, SUM(deals), SUM(value_minor) FROM report_open_sum
                WHERE 1\(sql.clause) GROUP BY owner_id, stage, currency, remainder
                """, arguments: sql.arguments)
            .compactMap { OpenPipelineGroup(summary: $0, ownerID: $0[0], closeDate: nil) }
        }
    }

    /// Follow-ups due in the period per rep of the scope (the scorecard's lines): done, and planned but past due at `now`.
    ///
    /// Read rep by rep through `report_activity_owner_due(owner_id, due_at, state)`, so no sort of the period's rows.
    public func followUpCounts(_ request: ReportRequest, scope: ReportScope, now: Date) throws -> [Int64: FollowUpCounts] {
        var sql = ReportSQL()
        sql.owners(ids: scope.reps.keys.sorted(), column: "owner_id")
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT owner_id, SUM(state = 'done'), SUM(state = 'planned' AND due_at < ?) FROM activity
                WHERE due_at >= ? AND due_at < ?\(sql.clause) GROUP BY owner_id
                """, arguments: [now.epochSeconds, request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], FollowUpCounts(done: $0[1], overdue: $0[2])) })
        }
    }

    private func undatedGroup(_ deals: Int) -> OpenPipelineGroup {
        OpenPipelineGroup(ownerID: nil, stage: .open, categoryOverride: nil, currency: configuration.defaultCurrency, expectedClose: nil,
                          remainder: 0, deals: deals, valueMinor: 0)
    }
}

extension OpenPipelineGroup {
    /// A `report_open_sum` row: owner or close date (per the query), stage, category, currency, remainder, deals, value.
    init?(summary row: Row, ownerID: Int64?, closeDate: Int64?) {
        guard let currency = CurrencyCode(rawValue: row[3]) else { return nil }
        let category: String = row[2]
        self.init(ownerID: ownerID, stage: StageKey(rawValue: row[1]), categoryOverride: ForecastCategory(rawValue: category), currency: currency,
                  expectedClose: closeDate.map { Date(epochSeconds: $0) }, remainder: row[4], deals: row[5], valueMinor: row[6])
    }
}

extension AppDatabase {
    /// The report summary tables that no longer equal a recomputation from the leads, the tickets and their history (empty when
    /// every summary is exact). Tests and checks use it after each kind of write.
    public func reportSummaryDrift() throws -> [String] {
        try writer.read { db in try ReportSummarySchema.drift(db) + StageStaySchema.drift(db) + SnapshotSummarySchema.drift(db) + TicketSums.drift(db) }
    }
}
