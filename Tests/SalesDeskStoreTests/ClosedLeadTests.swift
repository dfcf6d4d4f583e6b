import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Won and lost leads leave the agenda")
struct ClosedLeadTests {
    @Test("moving a lead to Won cancels its planned follow-ups and their reminders, with one note on its history")
    func wonCancelsFollowUps() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(
            NewFollowUp(type: .call, subject: "Check in", dueAt: desk.clock.date.addingTimeInterval(86_400), record: .lead(lead.id!)), by: desk.rep)
        let done = try desk.database.logActivity(
            NewFollowUp(type: .email, subject: "Sent the deck", dueAt: desk.clock.date, record: .lead(lead.id!)), outcome: "Sent", by: desk.rep)
        #expect(try desk.database.pendingWork(for: .activity(call.id!)).isEmpty == false)

        try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)

        #expect(try desk.database.activity(call.id!)?.state == .cancelled)
        #expect(try desk.database.activity(call.id!)?.outcome == "The lead was won")
        #expect(try desk.database.activity(done.id!)?.state == .done)
        #expect(try desk.database.pendingWork(for: .activity(call.id!)).isEmpty)
        let notes = try desk.database.history(of: .lead(lead.id!)).filter { $0.action == "cancel_follow_ups" }
        #expect(notes.count == 1)
        #expect(notes.first?.after == "Call: Check in")
    }

    @Test("a lost lead made through the follow-up completion leaves no planned follow-up on the agenda")
    func lostThroughCompletion() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let first = try desk.database.scheduleFollowUp(
            NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        let second = try desk.database.scheduleFollowUp(
            NewFollowUp(type: .meeting, subject: "Demo", dueAt: desk.clock.date.addingTimeInterval(7 * 86_400), record: .lead(lead.id!)), by: desk.rep)
        try desk.database.completeFollowUp(first.id!, outcome: "No budget", moveLeadTo: .lost, lossReason: .budgetConstraints, by: desk.rep)
        #expect(try desk.database.activity(second.id!)?.state == .cancelled)
        #expect(try desk.count("activity", where: "record_kind = 'lead' AND record_id = \(lead.id!) AND state = 'planned'") == 0)
    }

    @Test("completing with a next follow-up while losing the lead is refused and changes nothing")
    func nextFollowUpOnLostLeadIsRefused() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(
            NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        #expect(throws: DomainError.self) {
            try desk.database.completeFollowUp(
                call.id!, outcome: "No budget", next: NewFollowUp(type: .call, subject: "Try again", dueAt: desk.clock.date.addingTimeInterval(86_400)),
                moveLeadTo: .lost, lossReason: .budgetConstraints, by: desk.rep)
        }
        #expect(try desk.database.activity(call.id!)?.state == .planned)
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
    }

    @Test("the demo data has no planned follow-ups on won or lost leads")
    func demoHasNoPlannedWorkOnClosedLeads() throws {
        let temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 7, now: temporary.clock.date).generate(into: temporary.database)
        let planned = try temporary.database.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM activity JOIN lead ON lead.id = activity.record_id
                WHERE activity.record_kind = 'lead' AND activity.state = 'planned' AND lead.stage IN ('won', 'lost')
                """) ?? -1
        }
        #expect(planned == 0)
        #expect(try temporary.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE state = 'planned'") ?? 0 } > 0)
    }
}
