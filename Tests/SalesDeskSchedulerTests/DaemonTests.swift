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
    /// A daemon on an `ImmediateClock`: every sleep returns at once but moves the clock, and the engine's
    /// calendar time follows the clock, so the passes run exactly at the instants the daemon chose.
    private func daemon(_ harness: SchedulerHarness, changed: @escaping @Sendable () -> Bool = { false }) -> SchedulerDaemon<ImmediateClock<Duration>> {
        let clock = ImmediateClock()
        let start = clock.now
        let origin = harness.clock.date
        let now: @Sendable () -> Date = {
            let elapsed = start.duration(to: clock.now).components
            return origin.addingTimeInterval(TimeInterval(elapsed.seconds) + TimeInterval(elapsed.attoseconds) / 1e18)
        }
        let engine = SchedulerEngine(database: harness.database, claimer: "daemon", now: now, logger: .silent)
        return SchedulerDaemon(engine: engine, clock: clock, now: now, changed: changed, logger: .silent)
    }

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
        let passes = try await daemon(harness).run(maxPasses: 3)
        #expect(passes == 3)
        #expect(try passInstants(harness) == [utc(2026, 11, 23, 13), utc(2026, 11, 23, 14)])
        let beat = try harness.database.schedulerStatus(now: utc(2026, 11, 23, 14)).heartbeats.first
        #expect(beat?.lastPassAt == utc(2026, 11, 23, 14))
        #expect(beat?.nextDueAt == utc(2026, 11, 24, 14))
    }

    @Test("a change in the database wakes the daemon at its next change check instead of the next due item")
    func wakesOnChange() async throws {
        let harness = try harnessWithCall(changeCheck: 5)
        try await daemon(harness, changed: { true }).run(maxPasses: 2)
        let beat = try harness.database.schedulerStatus(now: utc(2026, 11, 23, 10)).heartbeats.first
        #expect(beat?.lastPassAt == utc(2026, 11, 23, 10, 0, 5))
        #expect(try passInstants(harness).isEmpty)
    }
}
