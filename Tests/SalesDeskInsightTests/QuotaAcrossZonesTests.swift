import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Quotas meet the forecast whatever time zone they were set in")
struct QuotaAcrossZonesTests {
    @Test("a team quota for the fourth quarter cut in Berlin time is the admin's fourth-quarter quota in UTC too")
    func berlinQuotaForUTCAdmin() throws {
        let desk = try DeskFixture()
        let teamID = try #require(desk.manager.teamID)
        let berlinQuarter = ReportPeriod.containing(desk.clock.date, .quarter, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        try desk.database.setQuota(Quota(holder: .team(teamID), period: berlinQuarter, target: Money(minorUnits: 5_000_000, currency: .usd)), by: desk.manager)
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .forecast), for: desk.admin)
        #expect(view.table.rows.contains { $0.map(\.text) == ["Quota", "", "", "50,000.00"] })
        #expect(!view.table.notes.contains("No quota is set for this period."))
    }

    @Test("the demo gives every sales team and rep a quota, so a manager's forecast is measured against one")
    func demoHasQuotas() throws {
        let temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 3, now: temporary.clock.date).generate(into: temporary.database)
        let jonas = try #require(try temporary.database.user(handle: "jonas"))
        let view = try ReportRunner(database: temporary.database, now: temporary.clock.now).run(ReportParameters(report: .forecast), for: jonas)
        #expect(view.table.rows.contains { $0[0].text == "Quota" })
        #expect(view.table.rows.contains { $0[0].text == "Attainment (closed ÷ quota)" && $0[3].text != "—" })
    }
}
