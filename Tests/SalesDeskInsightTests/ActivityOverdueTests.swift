import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Activity report: overdue follow-ups whatever their due date")
struct ActivityOverdueTests {
    /// Monday 23 November 10:00: the rep's call was due last Wednesday and is still planned; this week's report
    /// counts it as overdue (any date) although it was not due this week.
    @Test("a call overdue since last week shows in this week's report as overdue, any date, and not as this week's")
    func overdueFromLastWeek() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        _ = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call back", dueAt: utc(2026, 11, 18, 14), record: .lead(lead.id!)),
                                               by: desk.rep)
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .activity), for: desk.manager)
        let columns = view.table.columns
        let row = try #require(view.table.rows.first { $0[0].text == desk.rep.name })
        #expect(row[try #require(columns.firstIndex(of: "Overdue"))].text == "0")
        #expect(row[try #require(columns.firstIndex(of: "Overdue, any date"))].text == "1")
    }
}
