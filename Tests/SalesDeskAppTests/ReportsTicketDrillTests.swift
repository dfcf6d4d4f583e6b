import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import Testing
@testable import SalesDeskApp

@Suite("The Reports screen: support drill-down")
struct ReportsTicketDrillTests {
    /// The standard day's high-priority ticket, never answered, two days on: an SLA breach.
    static func seed(_ desk: DeskFixture) throws {
        try DeskHarness.standardSeed(desk)
        desk.clock.advance(by: 2 * 86_400)
    }

    @Test("Enter on a support team's row lists its breached tickets, and Enter on one opens the ticket")
    func breachesOpenAsTickets() throws {
        let harness = try DeskHarness(user: \.admin, seed: Self.seed)
        harness.press(.character("7"))
        let reports = try #require(harness.state.screen(ReportsScreen.self))
        let support = ReportName.allCases.firstIndex(of: .support)! - ReportName.allCases.firstIndex(of: reports.report)!
        for _ in 0..<support { harness.press(.character("]")) }
        #expect(harness.screen.contains("Support SLA and backlog"))
        let view = try #require(harness.state.screen(ReportsScreen.self)?.view)
        #expect(view.table.rows.first?.first?.text.hasPrefix("Team: ") == true)
        harness.press(.enter)
        let drill = try #require(harness.state.screen(ReportsScreen.self)?.drill)
        #expect(drill.isTickets && drill.tickets.rows.map(\.ticket.subject) == ["Sync stopped"])
        #expect(harness.screen.contains("Enter opens a ticket") && harness.screen.contains("Sync stopped"))
        harness.press(.enter)
        #expect(harness.state.current == .ticketDetail)
    }
}
