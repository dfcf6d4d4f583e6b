import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore

/// The stage-speed report's store reads timed one by one (the report runs them in this order), so a slow report
/// says which part is slow: the stays of the period per stage, the open qualified deals now and a week ago, and the
/// closed-deal totals of this week and the week before.
struct StageSpeedParts {
    let database: AppDatabase
    let runs: Int

    /// One row per part for `reader` (`label` names the reader's reach: company or one team).
    func run(for reader: User, label: String, now: Date) throws -> [BenchmarkResult] {
        let timeZone = TimeZone(identifier: reader.timeZoneID) ?? .gmt
        let period = try ReportParameters(report: .stageSpeed).period(now: now, timeZone: timeZone)
        let request = ReportRequest(period: period)
        let scope = try database.reportScope(for: reader)
        let currency = database.configuration.defaultCurrency
        let weekAgo = now.addingTimeInterval(-7 * 86_400)
        let parts: [(String, () throws -> Void)] = [
            ("stays per stage", { _ = try database.stageStaySummaries(request, scope: scope) }),
            ("open qualified deals", {
                _ = try database.openQualifiedDeals(at: weekAgo, qualifiedFrom: PipelineVelocity.qualifiedFrom, request, scope: scope)
            }),
            ("closed deals this week", { _ = try database.closedDealTotals(from: weekAgo, to: now, request, scope: scope, currency: currency) }),
            ("closed deals last week", {
                _ = try database.closedDealTotals(from: weekAgo.addingTimeInterval(-7 * 86_400), to: weekAgo, request, scope: scope, currency: currency)
            }),
        ]
        return try parts.map { name, body in
            BenchmarkResult(name: "  stage-speed part: \(name), \(label) (p95)",
                            deskMilliseconds: try Measurement.percentile95(runs: max(runs, 1), body), sqliteMilliseconds: nil)
        }
    }
}
