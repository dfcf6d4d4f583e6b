import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Catch-up after downtime")
struct CatchUpTests {
    @Test("three days down gives one digest per user and no stale 1-hour-before reminders")
    func threeDaysDown() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 10))
        try harness.desk.lead()
        for day in 23...26 { _ = try harness.followUp("Call \(day)", due: utc(2026, 11, day, 12)) }
        let report = try harness.pass(at: utc(2026, 11, 26, 10))
        // Mon, Tue, Wed calls: their "before" reminders passed with their events (dropped); Mon and Tue
        // missed "at the time" and "1 day after", Wed missed "at the time": 5 reminders.
        #expect(report.firing.dropped == 3)
        #expect(try harness.notifications(.reminder).isEmpty)
        let repDigests = try harness.notifications(.digest, for: harness.desk.rep)
        #expect(repDigests.map(\.title) == ["While you were away: 5 reminders, 1 stalled lead"])
        let managerDigests = try harness.notifications(.digest, for: harness.desk.manager)
        #expect(managerDigests.map(\.title) == ["While you were away: 1 escalated lead, 2 overdue follow-ups"])
        // Thursday's call is still ahead: its "1 hour before" fires on time.
        try harness.pass(at: utc(2026, 11, 26, 11))
        #expect(try harness.notifications(.reminder).map(\.title) == ["Reminder (1 hour before): Call 26"])
    }

    @Test("work only a few minutes late still fires as itself, not as a digest")
    func shortDelayIsNotDowntime() throws {
        let harness = try SchedulerHarness()
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.pass(at: utc(2026, 11, 23, 14, 15))
        #expect(try harness.notifications(.reminder).map(\.title) == ["Reminder (at the time): Call Jo"])
        #expect(try harness.notifications(.digest).isEmpty)
    }
}
