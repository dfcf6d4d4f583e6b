import Foundation
import SalesDeskDomain
import SalesDeskReports
import SalesDeskStore
import SalesDeskTesting
import Testing

/// On a generated demo file, the reports read from the trigger-kept summaries give exactly the figures of the same
/// reports summed from every row.
@Suite("Summary-based report figures equal the row-based ones")
struct SummaryEqualsRowsTests {
    @Test("win/loss, forecast, scorecard, funnel and sources agree for the company and a team, in UTC, Berlin and half-hour time zones")
    func generatedSet() throws {
        let set = try GeneratedReportSet()
        let database = set.database, admin = set.admin, manager = set.manager, now = set.now
        #expect(try database.reportSummaryDrift() == [])
        let pipeline = database.configuration.pipeline
        let currency = database.configuration.defaultCurrency
        var compared = 0
        for zone in GeneratedReportSet.zones {
            for period in set.periods(in: zone) {
                for reader in [admin, manager] {
                    let scope = try database.reportScope(for: reader)
                    let request = ReportRequest(period: period)
                    func winLoss(_ reading: ReportReading) throws -> WinLossReport {
                        WinLossReport(tallies: try database.closedTallies(request, scope: scope, reading: reading), period: period, currency: currency, pipeline: pipeline)
                    }
                    func forecast(_ reading: ReportReading) throws -> ForecastReport {
                        ForecastReport(open: try database.forecastOpenGroups(request, scope: scope, reading: reading),
                                       won: try database.closedTallies(request, scope: scope, reading: reading), period: period, quota: nil,
                                       currency: currency, pipeline: pipeline)
                    }
                    func scorecard(_ reading: ReportReading) throws -> ScorecardReport {
                        ScorecardReport(reps: scope.reps, closed: try database.closedTallies(request, scope: scope, reading: reading),
                                        open: try database.openPipelineByOwner(request, scope: scope, reading: reading),
                                        followUps: try database.followUpCounts(request, scope: scope, now: now), quotas: [:], currency: currency, pipeline: pipeline)
                    }
                    func funnel(_ reading: ReportReading) throws -> FunnelReport {
                        FunnelReport(counts: try database.funnelCounts(request, scope: scope, reading: reading), pipeline: pipeline)
                    }
                    func sources(_ reading: ReportReading) throws -> SourcesReport {
                        SourcesReport(counts: try database.sourceCounts(request, scope: scope, currency: currency, reading: reading))
                    }
                    #expect(try funnel(.summaries) == (try funnel(.rows)), "funnel \(zone) \(period.label) \(reader.handle)")
                    #expect(try sources(.summaries) == (try sources(.rows)), "sources \(zone) \(period.label) \(reader.handle)")
                    let summed = try winLoss(.summaries)
                    #expect(summed == (try winLoss(.rows)), "win/loss \(zone) \(period.label) \(reader.handle)")
                    #expect(try forecast(.summaries) == (try forecast(.rows)), "forecast \(zone) \(period.label) \(reader.handle)")
                    #expect(try scorecard(.summaries) == (try scorecard(.rows)), "scorecard \(zone) \(period.label) \(reader.handle)")
                    compared += summed.total.won + summed.total.lost
                }
            }
        }
        #expect(compared > 100, "the generated set has closed deals in the compared periods")
    }
}
