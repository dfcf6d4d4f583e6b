import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Rules act within a second of the write while a scheduler runs")
struct RuleLatencyTests {
    /// Calls to the daemon's change check; the `writeAt`-th one makes the write and reports the change.
    final class WriteDuringSleep: @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        private let writeAt: Int
        private let write: () throws -> Void

        init(writeAt: Int, write: @escaping () throws -> Void) {
            self.writeAt = writeAt
            self.write = write
        }

        func changed() -> Bool {
            let call = lock.withLock {
                calls += 1
                return calls
            }
            guard call == writeAt else { return false }
            try? write()
            return true
        }
    }

    @Test("with the default settings, a daemon asleep until tomorrow's work notices a lead moved by someone else and fires the rule within a second")
    func daemonWakesForNewEvents() async throws {
        let harness = try SchedulerHarness()   // Monday 10:00, default settings
        let rule = try harness.database.addRule(text: RuleSamples.bigDemoRecap, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
        _ = try harness.followUp("Call tomorrow", due: utc(2026, 11, 24, 14))
        let lead = try harness.desk.lead(value: 2_000_000)
        // Call 1 forgets the daemon's own commits after its first pass; call 2 is its first look while asleep.
        let other = WriteDuringSleep(writeAt: 2) { _ = try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep) }
        try await harness.daemon(changed: { other.changed() }).run(maxPasses: 2)
        let firedAt = try await harness.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT at FROM automation_run") } ?? 0
        let delay = TimeInterval(firedAt) - harness.clock.date.timeIntervalSince1970
        #expect(delay >= 0 && delay <= 1, "fired \(delay) s after the move")
        #expect(try harness.desk.count("activity", where: "subject = 'Send the demo recap'") == 1)
    }
}
