import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Stage-stall nudges")
struct StallTests {
    @Test("a lead untouched for its stage's threshold nudges the owner once, and at twice it escalates to the manager once")
    func nudgeThenEscalate() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 10))
        let lead = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 24, 9, 59, 59))
        #expect(try harness.notifications(.stallNudge).isEmpty)
        try harness.pass(at: utc(2026, 11, 24, 10))
        try harness.pass(at: utc(2026, 11, 24, 10, 5))
        let nudges = try harness.notifications(.stallNudge)
        #expect(nudges.count == 1)
        #expect(nudges.first?.userID == harness.desk.rep.id)
        #expect(nudges.first?.title == "Stalled: \(lead.title)")
        try harness.pass(at: utc(2026, 11, 25, 9, 59, 59))
        #expect(try harness.notifications(.escalation).isEmpty)
        try harness.pass(at: utc(2026, 11, 25, 10))
        try harness.pass(at: utc(2026, 11, 26, 10))
        let escalations = try harness.notifications(.escalation)
        #expect(escalations.count == 1)
        #expect(escalations.first?.userID == harness.desk.manager.id)
    }

    @Test("logged activity resets the stall timer: the nudge comes a full threshold after the activity")
    func activityResets() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 10))
        let lead = try harness.desk.lead()
        harness.clock.set(utc(2026, 11, 23, 20))
        try harness.database.logActivity(NewFollowUp(type: .call, subject: "Left a message", dueAt: utc(2026, 11, 23, 20), record: .lead(lead.id!)),
                                         outcome: "Voicemail", by: harness.desk.rep)
        try harness.pass(at: utc(2026, 11, 24, 10))
        try harness.pass(at: utc(2026, 11, 24, 19, 59, 59))
        #expect(try harness.notifications(.stallNudge).isEmpty)
        try harness.pass(at: utc(2026, 11, 24, 20))
        #expect(try harness.notifications(.stallNudge).count == 1)
    }

    @Test("a stage move starts a new stall episode in the new stage")
    func stageMoveResets() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 10))
        let lead = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 24, 10))
        #expect(try harness.notifications(.stallNudge).count == 1)
        harness.clock.set(utc(2026, 11, 24, 12))
        try harness.database.moveLead(lead.id!, to: .firstContact, by: harness.desk.rep)
        try harness.pass(at: utc(2026, 11, 27, 11, 59, 59))
        #expect(try harness.notifications(.stallNudge).count == 1)
        try harness.pass(at: utc(2026, 11, 27, 12))
        #expect(try harness.notifications(.stallNudge).count == 2)
    }
}
