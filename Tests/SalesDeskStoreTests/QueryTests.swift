import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Queries")
struct QueryTests {
    @Test("keyset paging returns every row exactly once while rows are inserted between pages", arguments: LeadQuery.Sort.allCases)
    func keysetPaging(sort: LeadQuery.Sort) throws {
        let desk = try DeskFixture()
        for index in 0..<45 {
            desk.clock.advance(by: 60)
            try desk.lead("Person \(index)", value: Int64(index % 7) * 1000)
        }
        var seen: [Int64] = []
        var cursor: PageCursor?
        var inserted = 0
        repeat {
            let page = try desk.database.leads(LeadQuery(sort: sort), after: cursor, limit: 10)
            seen += page.rows.map(\.id)
            cursor = page.next
            // Someone else adds leads while we page.
            desk.clock.advance(by: 60)
            try desk.lead("Newcomer \(inserted)", value: 500)
            inserted += 1
        } while cursor != nil
        #expect(Set(seen).count == seen.count, "a row came twice")
        #expect(Set(seen).isSuperset(of: Set(1...45)), "a row that existed before paging was missed")
    }

    @Test("the agenda buckets a UTC+9 rep's follow-ups by her own calendar day")
    func agendaInTokyo() throws {
        // 10:00 UTC Monday = 19:00 Monday in Tokyo.
        let desk = try DeskFixture(now: utc(2026, 11, 23, 10), repTimeZone: "Asia/Tokyo")
        let due: [(String, Date)] = [
            ("late yesterday", utc(2026, 11, 23, 9)), ("tonight", utc(2026, 11, 23, 14, 30)), ("after midnight", utc(2026, 11, 23, 15, 30)),
            ("Wednesday", utc(2026, 11, 25, 1)), ("next Monday", utc(2026, 11, 29, 15)),
        ]
        for (subject, date) in due {
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: subject, dueAt: date), by: desk.rep)
        }
        let agenda = try desk.database.agenda(for: desk.rep, at: desk.clock.date)
        let subjects = Dictionary(uniqueKeysWithValues: agenda.sections.map { ($0.section, $0.items.map(\.activity.subject)) })
        #expect(subjects[.overdue] == ["late yesterday"])
        #expect(subjects[.today] == ["tonight"])
        #expect(subjects[.tomorrow] == ["after midnight"])
        #expect(subjects[.thisWeek] == ["Wednesday"])
        #expect(subjects[.later] == ["next Monday"])
    }

    @Test("the agenda buckets a UTC−5 rep's 04:59 UTC call as today and 05:00 UTC as tomorrow")
    func agendaInNewYork() throws {
        let desk = try DeskFixture(now: utc(2026, 11, 23, 22), repTimeZone: "America/New_York")
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "before midnight", dueAt: utc(2026, 11, 24, 4, 59)), by: desk.rep)
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "at midnight", dueAt: utc(2026, 11, 24, 5)), by: desk.rep)
        let agenda = try desk.database.agenda(for: desk.rep, at: desk.clock.date)
        #expect(agenda.sections.first { $0.section == .today }?.items.map(\.activity.subject) == ["before midnight"])
        #expect(agenda.sections.first { $0.section == .tomorrow }?.items.map(\.activity.subject) == ["at midnight"])
        #expect(agenda.sections.first { $0.section == .overdue }?.count == 0)
    }

    @Test("stalled leads are those past their stage's threshold with no touch, and a logged call un-stalls them")
    func stalled() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        desk.clock.advance(by: 86_400 - 1)
        #expect(try desk.database.countLeads(LeadQuery(stalledAt: desk.clock.date)) == 0)
        desk.clock.advance(by: 1)
        #expect(try desk.database.countLeads(LeadQuery(stalledAt: desk.clock.date)) == 1)
        try desk.database.logActivity(NewFollowUp(type: .call, subject: "Reached", dueAt: desk.clock.date, record: .lead(lead.id!)), outcome: "ok", by: desk.rep)
        #expect(try desk.database.countLeads(LeadQuery(stalledAt: desk.clock.date)) == 0)
    }

    @Test("board totals stay equal to a full recount through creates, moves and reassignments")
    func boardTotals() throws {
        let desk = try DeskFixture()
        var leads: [Lead] = []
        for index in 0..<12 { leads.append(try desk.lead("P\(index)", value: Int64(index + 1) * 10_000)) }
        try desk.database.moveLead(leads[0].id!, to: .negotiation, by: desk.rep)
        try desk.database.moveLead(leads[1].id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        try desk.database.moveLead(leads[2].id!, to: .won, by: desk.rep)
        try desk.database.assignLead(leads[3].id!, to: desk.otherRep.id!, by: desk.manager)
        try desk.database.updateLead(leads[4].id!, LeadChanges(value: Money(minorUnits: 999, currency: .eur)), by: desk.rep)
        let board = try desk.database.pipelineBoard()
        let recount = try desk.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT stage, COUNT(*) AS n, SUM(value_minor) AS total FROM lead GROUP BY stage")
        }
        for row in recount {
            let column = board.first { $0.stage.rawValue == row["stage"] as String }!
            #expect(column.count == row["n"] as Int)
            #expect(column.totals.reduce(0) { $0 + $1.minorUnits } == row["total"] as Int64)
        }
        let negotiation = board.first { $0.stage == .negotiation }!
        #expect(negotiation.weightedTotals.map(\.minorUnits) == [Int64(7_500)])
        let kenjiBoard = try desk.database.pipelineBoard(ownerIDs: [desk.otherRep.id!])
        #expect(kenjiBoard.reduce(0) { $0 + $1.count } == 1)
    }

    @Test("search matches every typed word as a prefix across leads, tickets and accounts, and ignores FTS syntax")
    func search() throws {
        let desk = try DeskFixture()
        try desk.lead("Ana Müller", company: "Globex")
        try desk.lead("Bob Stone", company: "Initech")
        try desk.database.createTicket(NewTicket(subject: "Globex sync stopped"), by: desk.support)
        let hits = try desk.database.search("glob")
        #expect(Set(hits.map(\.record.kind)) == ["lead", "ticket", "account"])
        #expect(try desk.database.search("ana glo").map(\.title) == ["Ana Müller"])
        #expect(try desk.database.search("mull").map(\.title) == ["Ana Müller"])
        #expect(try desk.database.search("\") OR NEAR(").isEmpty)
        #expect(try desk.database.search("").isEmpty)
    }

    @Test("ticket queues filter by status, assignee and first response")
    func ticketQueues() throws {
        let desk = try DeskFixture()
        let first = try desk.database.createTicket(NewTicket(subject: "One"), by: desk.support)
        desk.clock.advance(by: 60)
        try desk.database.createTicket(NewTicket(subject: "Two"), by: desk.support)
        try desk.database.assignTicket(first.id!, to: desk.support.id!, by: desk.manager)
        #expect(try desk.database.tickets(TicketQuery(statuses: [.new])).rows.map(\.ticket.subject) == ["Two"])
        #expect(try desk.database.tickets(TicketQuery(assigneeIDs: [desk.support.id!])).rows.map(\.ticket.subject) == ["One"])
        #expect(try desk.database.countTickets(TicketQuery(awaitingFirstResponse: true)) == 2)
        #expect(try desk.database.tickets(TicketQuery(newestFirst: true)).rows.map(\.ticket.subject) == ["Two", "One"])
    }
}
