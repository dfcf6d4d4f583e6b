import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Notification hooks")
struct HookTests {
    @Test("a failing hook is retried with backoff and recorded, and does not block the working hook")
    func failingHookRetries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-hooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = DeskConfiguration.standard
        configuration.scheduler.hooks = [
            NotificationHook(name: "broken", command: "echo boom >&2; exit 3"),
            NotificationHook(name: "log", command: "cat >> '\(folder.path)/payload.log'; echo \"$SALESDESK_NOTIFICATION_USER $SALESDESK_NOTIFICATION_TITLE\" >> '\(folder.path)/env.log'"),
        ]
        let harness = try SchedulerHarness(configuration: configuration)
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.pass(at: utc(2026, 11, 23, 13))

        let payload = try String(contentsOf: folder.appendingPathComponent("payload.log"), encoding: .utf8)
        #expect(payload.split(separator: "\n").count == 1)
        #expect(payload.contains(#""title":"Reminder (1 hour before): Call Jo""#))
        #expect(try String(contentsOf: folder.appendingPathComponent("env.log"), encoding: .utf8) == "ana Reminder (1 hour before): Call Jo\n")
        var failures = try harness.database.hookFailures()
        #expect(failures.count == 1)
        #expect(failures.first?.hook == "broken")
        #expect(failures.first?.attempts == 1)
        #expect(failures.first?.lastError == "exit status 3: boom")
        #expect(failures.first?.nextAttemptAt == utc(2026, 11, 23, 13, 0, 30))

        try harness.pass(at: utc(2026, 11, 23, 13, 0, 29))
        #expect(try harness.database.hookFailures().first?.attempts == 1)
        try harness.pass(at: utc(2026, 11, 23, 13, 0, 30))
        failures = try harness.database.hookFailures()
        #expect(failures.first?.attempts == 2)
        #expect(failures.first?.nextAttemptAt == utc(2026, 11, 23, 13, 1, 30))
        #expect(try String(contentsOf: folder.appendingPathComponent("payload.log"), encoding: .utf8).split(separator: "\n").count == 1)
        #expect(try harness.database.schedulerStatus(now: harness.clock.date).hookFailures.count == 1)
    }
}
