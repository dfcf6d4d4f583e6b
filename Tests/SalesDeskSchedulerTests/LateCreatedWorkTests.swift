import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Work created after its due time")
struct LateCreatedWorkTests {
    @Test("a follow-up created 30 minutes before its time gets its 1-hour-before reminder as a reminder, not a digest")
    func reminderDueBeforeCreationFiresAsItself() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 14))
        harness.clock.set(utc(2026, 11, 23, 14, 0, 30))
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14, 30))
        try harness.pass(at: utc(2026, 11, 23, 14, 1))
        #expect(try harness.notifications(.reminder).map(\.title) == ["Reminder (1 hour before): Call Jo"])
        #expect(try harness.notifications(.digest).isEmpty)
    }

    @Test("work that came due while no scheduler ran is still digested")
    func downtimeIsStillDigested() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 9))
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 12))
        try harness.pass(at: utc(2026, 11, 23, 18))
        #expect(try harness.notifications(.reminder).isEmpty)
        #expect(try harness.notifications(.digest).count == 1)
    }
}
