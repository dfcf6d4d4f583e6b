import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import Testing
@testable import SalesDeskApp

@Suite("The Reports screen: activity drill-down")
struct ReportsFollowUpDrillTests {
    @Test("Enter on a rep's activity row lists the rep's follow-ups due in the period, overdue ones marked, and Enter opens the lead")
    func followUpsOfARep() throws {
        let harness = try DeskHarness(user: \.manager)
        harness.press(.character("7"))
        let reports = try #require(harness.state.screen(ReportsScreen.self))
        let steps = ReportName.allCases.firstIndex(of: .activity)! - ReportName.allCases.firstIndex(of: reports.report)!
        for _ in 0..<steps { harness.press(.character("]")) }
        let view = try #require(harness.state.screen(ReportsScreen.self)?.view)
        let anaRow = try #require(view.table.rows.firstIndex { $0.first?.text == "Ana Silva" })
        harness.press(.home)
        for _ in 0..<anaRow { harness.press(.down) }
        harness.press(.enter)

        let drill = try #require(harness.state.screen(ReportsScreen.self)?.drill)
        #expect(drill.kind == .followUps)
        let rows = drill.followUps.rows
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.activity.ownerID == harness.desk.rep.id }, "only the rep's own follow-ups")
        #expect(rows.allSatisfy { view.period.start <= $0.activity.dueAt && $0.activity.dueAt < view.period.end }, "due in the report's period")
        #expect(harness.screen.contains("Follow-ups of Ana Silva — Enter opens its lead or ticket"))
        let now = harness.desk.clock.date
        if rows.contains(where: { $0.activity.state == .planned && $0.activity.dueAt < now }) {
            #expect(harness.screen.contains("Overdue"))
        }
        harness.press(.enter)
        #expect(harness.state.current == .leadDetail)
    }

    @Test("a support rep's Reports open on the support report, a manager's on the forecast")
    func firstReportByRole() throws {
        let support = try DeskHarness(user: \.support)
        support.press(.character("7"))
        #expect(support.state.screen(ReportsScreen.self)?.report == .support)
        #expect(support.screen.contains("Support SLA and backlog"))
        let manager = try DeskHarness(user: \.manager)
        manager.press(.character("7"))
        #expect(manager.state.screen(ReportsScreen.self)?.report == .forecast)
    }
}
