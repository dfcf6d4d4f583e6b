import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Ticket search, closed leads in queues and on the board")
struct DeskQueryFixTests {
    @Test("ticket search finds a ticket by number, subject, account and contact, within a queue, a page at a time")
    func ticketSearch() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead("Ana Müller", company: "Globex")
        let globex = try #require(try desk.database.lead(lead.id!)?.accountID)
        let contact = try #require(try desk.database.lead(lead.id!)?.contactID)
        let sync = try desk.database.createTicket(NewTicket(subject: "Sync stopped"), by: desk.support)
        desk.clock.advance(by: 60)
        let invoice = try desk.database.createTicket(NewTicket(subject: "Invoice wrong", accountID: globex), by: desk.support)
        desk.clock.advance(by: 60)
        let login = try desk.database.createTicket(NewTicket(subject: "Cannot log in", contactID: contact), by: desk.support)
        try desk.database.assignTicket(sync.id!, to: desk.support.id!, by: desk.manager)

        func subjects(_ text: String, statuses: [TicketStatus]? = nil) throws -> [String] {
            try desk.database.tickets(TicketQuery(statuses: statuses, searchText: text)).rows.map(\.ticket.subject)
        }
        #expect(try subjects(sync.number) == ["Sync stopped"])
        #expect(try subjects(String(invoice.id!)) == ["Invoice wrong"])
        #expect(try subjects("t-\(login.id!)") == ["Cannot log in"])
        #expect(try subjects("sync sto") == ["Sync stopped"])
        #expect(try subjects("glob") == ["Invoice wrong"])
        #expect(try subjects("mül") == ["Cannot log in"])
        #expect(try subjects("sync", statuses: [.new]).isEmpty)
        #expect(try subjects("\") OR NEAR(").isEmpty)
        #expect(try desk.database.countTickets(TicketQuery(searchText: "in")) == 2)

        let first = try desk.database.tickets(TicketQuery(searchText: "in"), limit: 1)
        let second = try desk.database.tickets(TicketQuery(searchText: "in"), after: first.next, limit: 1)
        #expect(first.rows.map(\.ticket.subject) + second.rows.map(\.ticket.subject) == ["Invoice wrong", "Cannot log in"])
    }

    @Test("'all mine' by days in stage lists open leads only: a deal won a year ago is not on top")
    func stalenessSkipsClosedLeads() throws {
        let desk = try DeskFixture()
        let won = try desk.lead("Old Win")
        try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        let lost = try desk.lead("Old Loss")
        try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        desk.clock.advance(by: 400 * 86_400)
        try desk.lead("Fresh")
        let mine = LeadQuery(ownerIDs: [desk.rep.id!], sort: .staleness)
        #expect(try desk.database.leads(mine).rows.map(\.contactName) == ["Fresh"])
        #expect(try desk.database.countLeads(mine) == 1)
        #expect(try desk.database.leads(LeadQuery(ownerIDs: [desk.rep.id!], sort: .valueDescending)).rows.count == 3)
        #expect(try desk.database.leads(LeadQuery(ownerIDs: [desk.rep.id!], stages: [.won], sort: .staleness)).rows.map(\.contactName) == ["Old Win"])
    }

    @Test("the board's Won and Lost columns count, total and list only the deals closed in the chosen period")
    func boardClosedPeriod() throws {
        let desk = try DeskFixture(now: utc(2026, 10, 20, 10))
        let october = try desk.lead("October Win", value: 500_000)
        try desk.database.moveLead(october.id!, to: .won, by: desk.rep)
        desk.clock.set(utc(2026, 11, 5, 10))
        let november = try desk.lead("November Win", value: 200_000)
        try desk.database.moveLead(november.id!, to: .won, by: desk.rep)
        let novemberLoss = try desk.lead("November Loss", value: 300_000)
        try desk.database.moveLead(novemberLoss.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        try desk.lead("Still Open", value: 100_000)

        let utcZone = TimeZone(identifier: "UTC")!
        let month = ClosedPeriod.thisMonth.interval(at: desk.clock.date, in: utcZone)
        let board = try desk.database.pipelineBoard(closedDuring: month)
        let wonColumn = try #require(board.first { $0.stage == .won })
        #expect(wonColumn.count == 1)
        #expect(wonColumn.totals == [Money(minorUnits: 200_000, currency: .usd)])
        #expect(wonColumn.cards.map(\.contactName) == ["November Win"])
        #expect(board.first { $0.stage == .lost }?.count == 1)
        #expect(board.first { $0.stage == .open }?.count == 1)

        let quarter = ClosedPeriod.thisQuarter.interval(at: desk.clock.date, in: utcZone)
        let quarterBoard = try desk.database.pipelineBoard(closedDuring: quarter)
        #expect(quarterBoard.first { $0.stage == .won }?.totals == [Money(minorUnits: 700_000, currency: .usd)])
        #expect(quarterBoard.first { $0.stage == .won }?.cards.map(\.contactName) == ["November Win", "October Win"])
        let more = try desk.database.boardCards(stage: .won, closedDuring: quarter, after: nil, limit: 1)
        let rest = try desk.database.boardCards(stage: .won, closedDuring: quarter, after: more.next, limit: 1)
        #expect((more.rows + rest.rows).map(\.contactName) == ["November Win", "October Win"])
        #expect(try desk.database.pipelineBoard().first { $0.stage == .won }?.count == 2)
    }

    @Test("next stage moves a lead one step forward and refuses past the last open stage")
    func advanceLead() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        #expect(try desk.database.advanceLead(lead.id!, by: desk.rep).stage == .firstContact)
        try desk.database.moveLead(lead.id!, to: .integrationApproved, by: desk.rep)
        #expect(throws: DomainError.self) { try desk.database.advanceLead(lead.id!, by: desk.rep) }
        #expect(try desk.database.lead(lead.id!)?.stage == .integrationApproved)
    }

    @Test("a note logged on a lead plans nothing and touches its stall clock")
    func logNote() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        desk.clock.advance(by: 3 * 86_400)
        let note = try desk.database.logActivity(
            NewFollowUp(type: .note, subject: "Budget approved next quarter", dueAt: desk.clock.date, record: .lead(lead.id!)), outcome: "", by: desk.rep)
        #expect(note.state == .done)
        #expect(try desk.database.pendingWork(for: .activity(note.id!)).isEmpty)
        #expect(try desk.database.lead(lead.id!)?.lastTouchedAt == desk.clock.date)
    }
}
