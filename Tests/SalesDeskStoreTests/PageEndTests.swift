import Foundation
import SalesDeskDomain
@testable import SalesDeskStore
import SalesDeskTesting
import Testing

/// A page that ends exactly at a list's end knows it: the queries read one row more than a page. (A refresh that
/// re-read the last page after `G` came back exactly full, and the list showed "↓ more" at its true end.)
@Suite("Pages that end where the list ends")
struct PageEndTests {
    static func desk(leads: Int) throws -> DeskFixture {
        let desk = try DeskFixture()
        for index in 0..<leads {
            desk.clock.advance(by: 60)
            try desk.lead("Buyer \(index)")
        }
        return desk
    }

    @Test("a first page holding the whole list, exactly full, has no next page")
    func exactlyFullFirstPage() throws {
        let desk = try Self.desk(leads: 4)
        let page = try desk.database.leads(LeadQuery(), page: .first, limit: 4)
        #expect(page.rows.count == 4)
        #expect(page.next == nil)
        let short = try desk.database.leads(LeadQuery(), page: .first, limit: 3)
        #expect(short.rows.count == 3)
        #expect(short.next != nil)
        let rest = try desk.database.leads(LeadQuery(), page: .after(try #require(short.next)), limit: 3)
        #expect(rest.rows.map(\.id) == [try #require(page.rows.last?.id)])
        #expect(rest.next == nil)
    }

    @Test("re-reading the last page from its first row, as a refresh does, knows it is the end")
    func refreshOfTheLastPage() throws {
        let desk = try Self.desk(leads: 7)
        let last = try desk.database.leads(LeadQuery(), page: .last, limit: 3)
        #expect(last.rows.count == 3)
        #expect(last.next == nil)
        #expect(last.previous != nil, "four leads come before")
        let anchor = try #require(last.cursors.first)
        let refreshed = try desk.database.leads(LeadQuery(), page: .from(anchor), limit: 3)
        #expect(refreshed.rows.map(\.id) == last.rows.map(\.id))
        #expect(refreshed.next == nil)
    }

    @Test("a backward page that reaches the list's start knows nothing is before it; one that does not, does")
    func backwardPages() throws {
        let desk = try Self.desk(leads: 6)
        let all = try desk.database.leads(LeadQuery(), page: .first, limit: 10)
        let before = try desk.database.leads(LeadQuery(), page: .before(all.cursors[3]), limit: 3)
        #expect(before.rows.map(\.id) == Array(all.rows.prefix(3).map(\.id)))
        #expect(before.previous == nil)
        let partial = try desk.database.leads(LeadQuery(), page: .before(all.cursors[4]), limit: 3)
        #expect(partial.rows.map(\.id) == Array(all.rows[1...3].map(\.id)))
        #expect(partial.previous != nil)
    }

    @Test("tickets and follow-ups read one row more too")
    func ticketsAndFollowUps() throws {
        let desk = try DeskFixture()
        for index in 0..<3 { _ = try desk.database.createTicket(NewTicket(subject: "Sync fails \(index)"), by: desk.support) }
        #expect(try desk.database.tickets(TicketQuery(), page: .first, limit: 3).next == nil)
        #expect(try desk.database.tickets(TicketQuery(), page: .first, limit: 2).next != nil)
        for hour in 0..<3 {
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call \(hour)", dueAt: utc(2026, 11, 24, hour)), by: desk.rep)
        }
        #expect(try desk.database.followUps(FollowUpQuery(ownerIDs: [desk.rep.id!]), page: .first, limit: 3).next == nil)
        #expect(try desk.database.followUps(FollowUpQuery(ownerIDs: [desk.rep.id!]), page: .first, limit: 2).next != nil)
    }
}
