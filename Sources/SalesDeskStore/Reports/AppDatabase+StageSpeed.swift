import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Per open stage, the stays that ended in the period (``StageStaySummary``), within the scope and source.
    ///
    /// From the summaries: counts and totals are summed from `report_stay_sum` over the period's pieces
    /// (``SummaryBuckets``); the middle stays are found in its histogram to one span, and that span's stays in the
    /// period are then read in order from `report_stage_stay` (an index range of a few thousand rows at most), so the
    /// median is exact; so is the count past the stall threshold (the threshold's own span is read the same way).
    /// From `.rows` (or a period not cut on whole UTC hours): every stay of ``stageStays(_:scope:)``. Both agree.
    public func stageStaySummaries(_ request: ReportRequest, scope: ReportScope, reading: ReportReading = .summaries) throws -> [StageStaySummary] {
        let start = request.period.start.epochSeconds, end = request.period.end.epochSeconds
        guard reading == .summaries, let pieces = SummaryBuckets.pieces(from: start, to: end) else {
            return try stageStaySummariesFromRows(request, scope: scope)
        }
        var filter = ReportSQL()
        filter.owners(scope, column: "owner_id")
        filter.source(request.source, column: "source")
        let stalls = Dictionary(configuration.pipeline.openStages.map { ($0.key, $0.stallDays) }, uniquingKeysWith: { first, _ in first })
        return try writer.read { db in
            // Per stage, per span: (stays, seconds).
            var histogram: [StageKey: [Int64: (stays: Int, seconds: Int64)]] = [:]
            let sums = try db.makeStatement(sql: StageSpeedSQL.staySums(filter: filter.clause))
            for piece in pieces {
                let rows = try Row.fetchCursor(sums, arguments: [piece.level.rawValue, piece.lower, piece.upper] + filter.arguments)
                while let row = try rows.next() {
                    let stays: Int = row[2], seconds: Int64 = row[3]
                    let stage = StageKey(rawValue: row[0]), span: Int64 = row[1]
                    let old = histogram[stage, default: [:]][span] ?? (0, 0)
                    histogram[stage, default: [:]][span] = (old.stays + stays * Int(piece.sign), old.seconds + seconds * piece.sign)
                }
            }
            let spanStays = try db.makeStatement(sql: """
                SELECT seconds FROM report_stage_stay WHERE stage = ? AND span = ? AND ended_at >= ? AND ended_at < ?\(filter.clause)
                ORDER BY seconds
                """)
            func lengths(_ stage: StageKey, span: Int64) throws -> [Int64] {
                try Int64.fetchAll(spanStays, arguments: [stage.rawValue, span, start, end] + filter.arguments)
            }
            return try histogram.compactMap { stage, bySpan -> StageStaySummary? in
                let spans = bySpan.filter { $0.value.stays != 0 }.sorted { $0.key < $1.key }
                let count = spans.reduce(0) { $0 + $1.value.stays }
                guard count > 0 else { return nil }
                // The middle ranks, each found in its span's ordered stays.
                let middle = try MedianRanks.values(in: spans.map { (span: $0.key, count: $0.value.stays) }) { try lengths(stage, span: $0) }
                var over = 0
                if let stallDays = stalls[stage] ?? nil {
                    let limit = Int64(stallDays) * 86_400
                    let limitSpan = try Int64.fetchOne(db, sql: "SELECT \(StageStaySchema.span("?"))", arguments: [limit, limit, limit, limit, limit]) ?? 0
                    over = spans.filter { $0.key > limitSpan }.reduce(0) { $0 + $1.value.stays }
                    if bySpan[limitSpan] != nil { over += try lengths(stage, span: limitSpan).filter { $0 > limit }.count }
                }
                return StageStaySummary(stage: stage, stays: count, totalSeconds: spans.reduce(0) { $0 + $1.value.seconds },
                                        middleSeconds: middle, overThreshold: over)
            }
        }
    }

    /// ``stageStaySummaries(_:scope:reading:)`` from every stay of the period, sorted in Swift.
    private func stageStaySummariesFromRows(_ request: ReportRequest, scope: ReportScope) throws -> [StageStaySummary] {
        let stalls = Dictionary(configuration.pipeline.openStages.map { ($0.key, $0.stallDays) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(grouping: try stageStaySeconds(request, scope: scope), by: \.stage).map { stage, stays in
            let seconds = stays.map(\.seconds).sorted()
            let limit = (stalls[stage] ?? nil).map { Int64($0) * 86_400 }
            return StageStaySummary(stage: stage, stays: seconds.count, totalSeconds: seconds.reduce(0, +),
                                    middleSeconds: MedianRanks.of(count: seconds.count).map { seconds[$0] },
                                    overThreshold: limit.map { limit in seconds.filter { $0 > limit }.count } ?? 0)
        }
    }

    /// Totals of the deals closed in `[start, end)` and still closed, for pipeline velocity, counted in SQL from
    /// `report_closed_deal` (the same deals as ``closedDeals(_:scope:)``, owners no longer on file left out), read from
    /// the index `report_closed_deal_closed` alone (``StageSpeedIndexSchema``).
    public func closedDealTotals(from start: Date, to end: Date, _ request: ReportRequest, scope: ReportScope,
                                 currency: CurrencyCode) throws -> ClosedDealTotals {
        var filter = ReportSQL()
        filter.owners(scope, column: "f.owner_id")
        filter.source(request.source, column: "f.source")
        let window: StatementArguments = [start.epochSeconds, end.epochSeconds]
        return try writer.read { db in
            let sums = try Row.fetchOne(db, sql: StageSpeedSQL.closedTotals(filter: filter.clause),
                                        arguments: [currency.rawValue, currency.rawValue] + window + filter.arguments)
            let cycles = try Int64.fetchAll(db, sql: StageSpeedSQL.wonCycles(filter: filter.clause), arguments: window + filter.arguments)
            return ClosedDealTotals(deals: sums?[0] ?? 0, won: sums?[1] ?? 0, wonInCurrency: sums?[2] ?? 0, wonValueMinor: sums?[3] ?? 0,
                                    wonCycleSeconds: cycles)
        }
    }
}
