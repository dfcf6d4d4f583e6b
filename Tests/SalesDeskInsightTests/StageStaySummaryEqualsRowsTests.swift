import Foundation
import SalesDeskDomain
import SalesDeskReports
import SalesDeskStore
import SalesDeskTesting
import Testing

/// On a generated demo file, stage speed read from `report_stay_sum` and `report_stage_stay` gives exactly the
/// figures of every stay sorted in Swift, and velocity's closed outcomes equal the closed deals' ones.
@Suite("Stage speed from the stay summaries equals stage speed from every stay")
struct StageStaySummaryEqualsRowsTests {
    @Test("stays, medians, means and stalls agree for the company, a team and a source, in UTC, Berlin and half-hour time zones")
    func generatedSet() throws {
        let set = try GeneratedReportSet()
        let database = set.database
        #expect(try database.reportSummaryDrift() == [])
        var compared = 0, withMedian = 0
        for zone in GeneratedReportSet.zones {
            for period in set.periods(in: zone) {
                for reader in [set.admin, set.manager] {
                    let scope = try database.reportScope(for: reader)
                    for source in [nil, LeadSource.allCases.first] {
                        let request = ReportRequest(period: period, source: source)
                        func summaries(_ reading: ReportReading) throws -> [StageStaySummary] {
                            try database.stageStaySummaries(request, scope: scope, reading: reading).sorted { $0.stage.rawValue < $1.stage.rawValue }
                        }
                        let summed = try summaries(.summaries)
                        #expect(summed == (try summaries(.rows)), "stage stays \(zone) \(period.label) \(reader.handle) \(source?.rawValue ?? "all")")
                        compared += summed.reduce(0) { $0 + $1.stays }
                        withMedian += summed.filter { !$0.middleSeconds.isEmpty }.count
                    }
                    var totals = try database.closedDealTotals(from: period.start, to: period.end, ReportRequest(period: period), scope: scope, currency: .usd)
                    var fromDeals = ClosedDealTotals(try database.closedDeals(ReportRequest(period: period), scope: scope), currency: .usd)
                    totals.wonCycleSeconds.sort()
                    fromDeals.wonCycleSeconds.sort()
                    #expect(totals == fromDeals, "closed deal totals \(zone) \(period.label) \(reader.handle)")
                }
            }
        }
        #expect(compared > 100 && withMedian > 10, "the generated set has stays in the compared periods")
    }

    @Test("the open qualified deals of a week ago, worked back from the stays under way then, equal the count from each lead's history")
    func qualifiedThen() throws {
        let set = try GeneratedReportSet()
        let database = set.database
        var changed = 0
        for daysAgo in [1.0, 3.5, 7, 30, 90] {
            let then = set.now.addingTimeInterval(-daysAgo * 86_400)
            for reader in [set.admin, set.manager] {
                let scope = try database.reportScope(for: reader)
                for source in [nil, LeadSource.allCases.first] {
                    let request = ReportRequest(period: ReportPeriod.containing(set.now, .month, timeZone: .gmt), source: source)
                    let summed = try database.openQualifiedDeals(at: then, qualifiedFrom: PipelineVelocity.qualifiedFrom, request, scope: scope)
                    let rows = try database.openQualifiedDeals(at: then, qualifiedFrom: PipelineVelocity.qualifiedFrom, request, scope: scope, reading: .rows)
                    #expect(summed == rows, "\(daysAgo) days ago, \(reader.handle), \(source?.rawValue ?? "all")")
                    changed += abs(rows.now - rows.then)
                }
            }
        }
        #expect(changed > 10, "the pipeline changed over the compared spans")
    }
}
