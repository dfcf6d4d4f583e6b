import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Exactly-once firing")
struct ExactlyOnceTests {
    @Test("two schedulers on two connections through a busy day fire every reminder exactly once")
    func twoSchedulersOneFile() throws {
        let harness = try SchedulerHarness()
        let other = try AppDatabase.open(path: harness.desk.temporary.path, now: harness.clock.now)
        let engines = [harness.engine, SchedulerEngine(database: other, claimer: "second-engine", now: harness.clock.now, logger: .silent)]
        for slot in 0..<40 {
            _ = try harness.followUp("Call \(slot)", due: utc(2026, 11, 23, 11).addingTimeInterval(TimeInterval(slot * 900)))
        }
        for step in 0...(12 * 12) {
            harness.clock.set(utc(2026, 11, 23, 10).addingTimeInterval(TimeInterval(step * 300)))
            DispatchQueue.concurrentPerform(iterations: 2) { index in _ = try? engines[index].runPass() }
        }
        let reminders = try harness.notifications(.reminder)
        #expect(reminders.count == 40 * 2)
        #expect(Set(reminders.map(\.title)).count == 40 * 2)
        #expect(try harness.desk.count("scheduled_job", where: "kind = 'reminder' AND done_at IS NOT NULL") == 40 * 2)
    }

    @Test("work claimed by a scheduler that died fires once, by another scheduler, only after the lease runs out")
    func leaseExpiry() throws {
        let harness = try SchedulerHarness()
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        let claimedAt = utc(2026, 11, 23, 13)
        let dead = try harness.database.claimDueWork(claimer: "dead-engine", now: claimedAt, lease: 60)
        #expect(dead.count == 1)
        try harness.pass(at: claimedAt.addingTimeInterval(59))
        #expect(try harness.notifications(.reminder).isEmpty)
        try harness.pass(at: claimedAt.addingTimeInterval(60))
        #expect(try harness.notifications(.reminder).count == 1)
        // The dead claimer coming back late cannot fire it a second time.
        let late = try harness.database.fireDueWork(dead, claimer: "dead-engine", now: claimedAt.addingTimeInterval(61), catchUpAfter: 900)
        #expect(late.handled == 0)
        #expect(try harness.notifications(.reminder).count == 1)
    }

    @Test("an idle pass reports the next due instant: the earliest reminder")
    func nextDue() throws {
        let harness = try SchedulerHarness()
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        let report = try harness.pass(at: utc(2026, 11, 23, 10))
        #expect(report.firing.handled == 0)
        #expect(report.nextDueAt == utc(2026, 11, 23, 13))
    }
}
