import Clocks
import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("The scheduler daemon")
struct DaemonTests {
    /// A harness checking for changes every `changeCheck` seconds, with one follow-up due Monday 14:00.
    private func harnessWithCall(changeCheck: TimeInterval) throws -> SchedulerHarness {
        var configuration = DeskConfiguration.standard
        configuration.scheduler.changeCheckSeconds = changeCheck
        let harness = try SchedulerHarness(configuration: configuration)
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        return harness
    }

    private func passInstants(_ harness: SchedulerHarness) throws -> [Date] {
        try harness.database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT created_at FROM notification WHERE kind = 'reminder' ORDER BY id").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    @Test("an idle daemon sleeps until the next due reminder, not on a fixed poll, and fires each at its instant")
    func sleepsUntilNextDue() async throws {
        let harness = try harnessWithCall(changeCheck: 3600)
        let passes = try await harness.daemon().run(maxPasses: 3)
        #expect(passes == 3)
        #expect(try passInstants(harness) == [utc(2026, 11, 23, 13), utc(2026, 11, 23, 14)])
        let beat = try harness.database.schedulerStatus(now: utc(2026, 11, 23, 14)).heartbeats.first
        #expect(beat?.lastPassAt == utc(2026, 11, 23, 14))
        #expect(beat?.nextDueAt == utc(2026, 11, 24, 14))
    }

    @Test("a change in the database wakes the daemon at its next change check instead of the next due item")
    func wakesOnChange() async throws {
        let harness = try harnessWithCall(changeCheck: 5)
        try await harness.daemon(changed: { true }).run(maxPasses: 2)
        let beat = try harness.database.schedulerStatus(now: utc(2026, 11, 23, 10)).heartbeats.first
        #expect(beat?.lastPassAt == utc(2026, 11, 23, 10, 0, 5))
        #expect(try passInstants(harness).isEmpty)
    }
}
