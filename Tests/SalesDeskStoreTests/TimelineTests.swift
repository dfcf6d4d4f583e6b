import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Timelines as sentences")
struct TimelineTests {
    private let utcZone = TimeZone(identifier: "UTC")!

    @Test("a ticket's timeline names people and teams, shows each reply and note once, and keeps the category it was opened in")
    func ticketTimeline() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync broken"), by: desk.support)
        desk.clock.advance(by: 60)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.manager)
        desk.clock.advance(by: 60)
        try desk.database.setTicketCategory(ticket.id!, .syncIssue, by: desk.support)
        desk.clock.advance(by: 60)
        try desk.database.commentOnTicket(ticket.id!, body: "We are on it", customerVisible: true, by: desk.support)
        desk.clock.advance(by: 60)
        try desk.database.commentOnTicket(ticket.id!, body: "Check the sync log", customerVisible: false, by: desk.support)

        let timeline = try desk.database.timeline(for: .ticket(ticket.id!), in: utcZone)
        #expect(timeline.map(\.sentence) == [
            "Added an internal note: Check the sync log",
            "Replied to the customer: We are on it",
            "Changed the category from General to Sync issue, routing it from Customer Success to Technical Integration",
            "Assigned to Fatima Khalil; status from New to Assigned",
            "Opened the ticket in General: Sync broken",
        ])
        #expect(timeline.map(\.actor) == ["Fatima Khalil", "Fatima Khalil", "Fatima Khalil", "María García", "Fatima Khalil"])
        #expect(timeline.allSatisfy { !$0.sentence.contains("_") && !$0.sentence.contains("status:") })
    }

    @Test("old category entries that stored team ids are written with the teams' names")
    func oldTeamIDsGetNames() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Data gone"), by: desk.support)
        let teams = try desk.database.teams()
        let success = try #require(teams.first { $0.name == "Customer Success" }?.id)
        let data = try #require(teams.first { $0.name == "Data" }?.id)
        try desk.database.writer.write { db in
            var chain = try AuditChainAppender(db)
            try chain.append(db, AuditEntry(userID: desk.support.id, at: desk.clock.date, record: .ticket(ticket.id!), action: "category",
                                            field: "category", before: "General", after: "Data problem"))
            try chain.append(db, AuditEntry(userID: desk.support.id, at: desk.clock.date, record: .ticket(ticket.id!), action: "category",
                                            field: "team", before: String(success), after: String(data)))
        }
        let sentences = try desk.database.timeline(for: .ticket(ticket.id!), in: utcZone).map(\.sentence)
        #expect(sentences.contains("Changed the category from General to Data problem, routing it from Customer Success to Data"))
    }

    @Test("a lead's timeline tells moves, reassignments, done work and reschedules with their reason, each once")
    func leadTimeline() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(
            NewFollowUp(type: .call, subject: "Intro", dueAt: utc(2026, 11, 24, 9), record: .lead(lead.id!)), by: desk.rep)
        desk.clock.advance(by: 60)
        try desk.database.rescheduleFollowUp(call.id!, to: utc(2026, 11, 25, 14), reason: "Customer travelling", by: desk.rep)
        desk.clock.advance(by: 60)
        try desk.database.completeFollowUp(call.id!, outcome: "Booked a demo", moveLeadTo: .demoScheduled, by: desk.rep)
        desk.clock.advance(by: 60)
        try desk.database.assignLead(lead.id!, to: desk.otherRep.id!, by: desk.manager)
        desk.clock.advance(by: 60)
        try desk.database.moveLead(lead.id!, to: .lost, reason: .priceTooHigh, by: desk.otherRep)

        let timeline = try desk.database.timeline(for: .lead(lead.id!), in: utcZone)
        #expect(timeline.map(\.sentence) == [
            "Moved from Demo Scheduled to Lost (reason: Price too high)",
            "Assigned to Kenji Tanaka (was Ana Silva)",
            "Done Call: Intro — Booked a demo",
            "Moved from Open to Demo Scheduled",
            "Rescheduled Call: Intro from Tue 24 Nov at 09:00 to Wed 25 Nov at 14:00 — Customer travelling",
            "Created the lead (source: Manual entry)",
        ])
        #expect(timeline.first?.actor == "Kenji Tanaka")
    }

    @Test("a lead won with planned follow-ups shows each cancelled one with the reason")
    func wonLeadShowsCancelledFollowUps() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.scheduleFollowUp(
            NewFollowUp(type: .meeting, subject: "Kick-off", dueAt: utc(2026, 11, 30, 9), record: .lead(lead.id!)), by: desk.rep)
        desk.clock.advance(by: 60)
        try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)
        let sentences = try desk.database.timeline(for: .lead(lead.id!), in: utcZone).map(\.sentence)
        #expect(sentences.prefix(2) == ["Moved from Open to Won", "Cancelled Meeting: Kick-off (the lead was won)"]
                || sentences.prefix(2) == ["Cancelled Meeting: Kick-off (the lead was won)", "Moved from Open to Won"])
        #expect(sentences.filter { $0.contains("Kick-off") }.count == 1)
    }
}
