import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Support report: the first-response clock pauses while pending at the customer")
struct SupportPendingTests {
    /// Created Monday 10:00 UTC (business hours 09–17), pending at the customer 10:30–12:30, answered 13:00: three
    /// business hours after creation, two of them waiting on the customer, so the first response took one hour and met
    /// the two-hour target of a Normal ticket.
    @Test("a ticket answered 3 h after creation, 2 h of them pending at the customer, answered in 1 business hour and met its SLA")
    func pendingTimeDoesNotCount() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync fails"), by: desk.support)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.support)
        _ = try desk.database.moveTicket(ticket.id!, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 1_800)
        _ = try desk.database.moveTicket(ticket.id!, to: .pendingAtCustomer, by: desk.support)
        desk.clock.advance(by: 7_200)
        _ = try desk.database.moveTicket(ticket.id!, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 1_800)
        _ = try desk.database.commentOnTicket(ticket.id!, body: "Fixed on our side, please retry.", customerVisible: true, by: desk.support)

        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .support), for: desk.admin)
        let normal = try #require(view.table.rows.first { $0[0].text == "Priority: Normal" })
        #expect(normal.map(\.text) == ["Priority: Normal", "1", "0", "100.0 %"])
        #expect(view.table.notes[0].hasPrefix("Median first response: 1.0 business hours"))
        #expect(view.table.notes[1] == "Reopen rate: —; waiting on customers: 2.0 hours.")
    }
}
