import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Follow-up and ticket writes")
struct FollowUpAndTicketWriteTests {
    @Test("completing a follow-up records the outcome, schedules the next, moves the lead and resets its stall clock")
    func completeWithNextAndMove() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        desk.clock.advance(by: 2 * 86_400)
        let done = try desk.database.completeFollowUp(
            call.id!, outcome: "Booked a demo",
            next: NewFollowUp(type: .meeting, subject: "Demo", dueAt: desk.clock.date.addingTimeInterval(86_400)),
            moveLeadTo: .demoScheduled, by: desk.rep)
        #expect(done.state == .done)
        #expect(done.outcome == "Booked a demo")
        let detail = try desk.database.leadDetail(lead.id!)
        #expect(detail.lead.stage == .demoScheduled)
        #expect(detail.lead.lastTouchedAt == desk.clock.date)
        #expect(detail.activities.first { $0.state == .planned }?.subject == "Demo")
    }

    @Test("a refused stage move in the completion form completes nothing")
    func completeIsAtomic() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        #expect(throws: DomainError.lostNeedsReason) {
            try desk.database.completeFollowUp(call.id!, outcome: "They said no", moveLeadTo: .lost, by: desk.rep)
        }
        #expect(try desk.database.activity(call.id!)?.state == .planned)
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
    }

    @Test("rescheduling keeps the reason in the follow-up's history")
    func reschedule() throws {
        let desk = try DeskFixture()
        let first = desk.clock.date.addingTimeInterval(3600)
        let call = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Intro", dueAt: first), by: desk.rep)
        let later = first.addingTimeInterval(86_400)
        try desk.database.rescheduleFollowUp(call.id!, to: later, reason: "Customer travelling", by: desk.rep)
        let history = try desk.database.rescheduleHistory(of: call.id!)
        #expect(history.count == 1)
        #expect(history.first?.fromDueAt == first)
        #expect(history.first?.toDueAt == later)
        #expect(history.first?.reason == "Customer travelling")
        #expect(throws: DomainError.self) { try desk.database.rescheduleFollowUp(call.id!, to: later, reason: "  ", by: desk.rep) }
    }

    @Test("a done follow-up cannot be completed again")
    func completeTwice() throws {
        let desk = try DeskFixture()
        let call = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date), by: desk.rep)
        try desk.database.completeFollowUp(call.id!, outcome: "", by: desk.rep)
        #expect(throws: DomainError.self) { try desk.database.completeFollowUp(call.id!, outcome: "", by: desk.rep) }
    }

    @Test("a ticket is routed by category, and re-routed when the category changes")
    func routing() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync broken", category: .syncIssue), by: desk.support)
        let teams = Dictionary(uniqueKeysWithValues: try desk.database.teams().map { ($0.id!, $0.name) })
        #expect(teams[ticket.teamID!] == "Technical Integration")
        #expect(ticket.status == .new)
        let moved = try desk.database.setTicketCategory(ticket.id!, .productBug, by: desk.manager)
        #expect(teams[moved.teamID!] == "Development")
    }

    @Test("triage: assigning makes a New ticket Assigned; closing needs the customer's confirmation")
    func triageAndClose() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Login fails", priority: .high), by: desk.support)
        #expect(try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.manager).status == .assigned)
        try desk.database.moveTicket(ticket.id!, to: .inProcess, by: desk.support)
        try desk.database.moveTicket(ticket.id!, to: .resolved, by: desk.support)
        #expect(throws: DomainError.closeNeedsCustomerConfirmation) { try desk.database.moveTicket(ticket.id!, to: .closed, by: desk.support) }
        let closed = try desk.database.moveTicket(ticket.id!, to: .closed, customerConfirmed: true, by: desk.support)
        #expect(closed.closedAt == desk.clock.date)
        let reopened = try desk.database.moveTicket(ticket.id!, to: .inProcess, by: desk.support)
        #expect(reopened.closedAt == nil)
    }

    @Test("only a customer-visible reply counts as the first response")
    func firstResponse() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Help"), by: desk.support)
        desk.clock.advance(by: 600)
        try desk.database.commentOnTicket(ticket.id!, body: "Looking into it internally", customerVisible: false, by: desk.support)
        #expect(try desk.database.ticket(ticket.id!)?.firstResponseAt == nil)
        desk.clock.advance(by: 600)
        try desk.database.commentOnTicket(ticket.id!, body: "We are on it", customerVisible: true, by: desk.support)
        let responded = desk.clock.date
        desk.clock.advance(by: 600)
        try desk.database.commentOnTicket(ticket.id!, body: "Update", customerVisible: true, by: desk.support)
        #expect(try desk.database.ticket(ticket.id!)?.firstResponseAt == responded)
    }

    @Test("every named write appends at least one audit entry in its transaction")
    func everyWriteIsAudited() throws {
        let desk = try DeskFixture()
        var count = try desk.count("audit_entry")
        func expectGrowth(_ label: String, _ write: () throws -> Void) throws {
            try write()
            let now = try desk.count("audit_entry")
            #expect(now > count, "\(label) wrote no audit entry")
            count = now
        }
        let lead = try desk.lead()
        try expectGrowth("update lead") { try desk.database.updateLead(lead.id!, LeadChanges(title: "New title"), by: desk.rep) }
        try expectGrowth("move lead") { try desk.database.moveLead(lead.id!, to: .connected, by: desk.rep) }
        try expectGrowth("assign lead") { try desk.database.assignLead(lead.id!, to: desk.otherRep.id!, by: desk.manager) }
        var activityID: Int64 = 0
        try expectGrowth("schedule") { activityID = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call", dueAt: desk.clock.date), by: desk.rep).id! }
        try expectGrowth("reschedule") { try desk.database.rescheduleFollowUp(activityID, to: desk.clock.date.addingTimeInterval(60), reason: "later", by: desk.rep) }
        try expectGrowth("complete") { try desk.database.completeFollowUp(activityID, outcome: "ok", by: desk.rep) }
        try expectGrowth("log activity") { try desk.database.logActivity(NewFollowUp(type: .email, subject: "Sent deck", dueAt: desk.clock.date, record: .lead(lead.id!)), outcome: "sent", by: desk.otherRep) }
        var ticketID: Int64 = 0
        try expectGrowth("create ticket") { ticketID = try desk.database.createTicket(NewTicket(subject: "Bug"), by: desk.support).id! }
        try expectGrowth("assign ticket") { try desk.database.assignTicket(ticketID, to: desk.support.id!, by: desk.support) }
        try expectGrowth("move ticket") { try desk.database.moveTicket(ticketID, to: .inProcess, by: desk.support) }
        try expectGrowth("comment") { try desk.database.commentOnTicket(ticketID, body: "hi", customerVisible: true, by: desk.support) }
        try expectGrowth("priority") { try desk.database.setTicketPriority(ticketID, .critical, by: desk.support) }
    }
}
