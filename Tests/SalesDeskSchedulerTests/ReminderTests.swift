import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Follow-up reminders")
struct ReminderTests {
    @Test("each reminder fires at its exact instant and not a second before: 1 hour before, at the time, 1 day after")
    func boundaries() throws {
        let harness = try SchedulerHarness()
        let due = utc(2026, 11, 23, 14)
        _ = try harness.followUp("Call Jo", due: due)
        let expectations: [(Date, Int)] = [
            (utc(2026, 11, 23, 12, 59, 59), 0), (utc(2026, 11, 23, 13), 1),
            (utc(2026, 11, 23, 13, 59, 59), 1), (utc(2026, 11, 23, 14), 2),
            (utc(2026, 11, 24, 13, 59, 59), 2), (utc(2026, 11, 24, 14), 3),
        ]
        for (instant, count) in expectations {
            try harness.pass(at: instant)
            #expect(try harness.notifications(.reminder).count == count, "at \(instant)")
        }
        #expect(try harness.notifications(.reminder).map(\.title) == [
            "Reminder (1 hour before): Call Jo", "Reminder (at the time): Call Jo", "Reminder (1 day after): Call Jo",
        ])
        #expect(try harness.notifications(.reminder).allSatisfy { $0.userID == harness.desk.rep.id })
    }

    @Test("a follow-up still open a day after its due time escalates to the owner's manager, exactly at the delay")
    func overdueEscalation() throws {
        let harness = try SchedulerHarness()
        _ = try harness.followUp("Send quote", due: utc(2026, 11, 23, 14))
        try harness.pass(at: utc(2026, 11, 24, 13, 59, 59))
        #expect(try harness.notifications(.overdue).isEmpty)
        try harness.pass(at: utc(2026, 11, 24, 14))
        let overdue = try harness.notifications(.overdue)
        #expect(overdue.count == 1)
        #expect(overdue.first?.userID == harness.desk.manager.id)
        #expect(overdue.first?.title == "Overdue: Send quote (@ana)")
    }

    @Test("completing a follow-up cancels its pending reminders and escalation")
    func completeCancels() throws {
        let harness = try SchedulerHarness()
        let call = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.pass(at: utc(2026, 11, 23, 13))
        try harness.database.completeFollowUp(call.id!, outcome: "Reached", by: harness.desk.rep)
        #expect(try harness.database.pendingWork(for: .activity(call.id!)).isEmpty)
        try harness.pass(at: utc(2026, 11, 26, 10))
        #expect(try harness.notifications(.reminder).count == 1)
        #expect(try harness.notifications(.overdue).isEmpty)
        #expect(try harness.notifications(.digest).isEmpty)
    }

    @Test("cancelling a follow-up cancels its reminders")
    func cancelCancels() throws {
        let harness = try SchedulerHarness()
        let call = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.database.cancelFollowUp(call.id!, reason: "Duplicate", by: harness.desk.rep)
        try harness.pass(at: utc(2026, 11, 23, 14))
        #expect(try harness.notifications(.reminder).isEmpty)
        #expect(try harness.database.pendingWork(for: .activity(call.id!)).isEmpty)
    }

    @Test("rescheduling replaces the reminders: nothing at the old times, all three at the new ones")
    func rescheduleReplaces() throws {
        let harness = try SchedulerHarness()
        let call = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.database.rescheduleFollowUp(call.id!, to: utc(2026, 11, 23, 16), reason: "Customer busy", by: harness.desk.rep)
        #expect(try harness.database.pendingWork(for: .activity(call.id!)).map(\.dueAt) == [
            utc(2026, 11, 23, 15), utc(2026, 11, 23, 16), utc(2026, 11, 24, 16), utc(2026, 11, 24, 16),
        ])
        try harness.pass(at: utc(2026, 11, 23, 14, 59, 59))
        #expect(try harness.notifications(.reminder).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 15))
        try harness.pass(at: utc(2026, 11, 23, 16))
        #expect(try harness.notifications(.reminder).count == 2)
    }

    @Test("a user's own offsets from the config replace the shared plan")
    func perUserOffsets() throws {
        var configuration = DeskConfiguration.standard
        configuration.scheduler.reminderPlans = ["ana": ReminderPlan(offsets: [-900])]
        let harness = try SchedulerHarness(configuration: configuration)
        let call = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        #expect(try harness.database.pendingWork(for: .activity(call.id!)).filter { $0.kind == .reminder }.map(\.dueAt) == [utc(2026, 11, 23, 13, 45)])
        try harness.pass(at: utc(2026, 11, 23, 13, 45))
        #expect(try harness.notifications(.reminder).map(\.title) == ["Reminder (15 minutes before): Call Jo"])
    }
}
