import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Hooks past their timeout")
struct HookTimeoutTests {
    /// Processes whose command line holds `marker`.
    private func processes(with marker: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry in
            guard Int32(entry) != nil, let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: command, as: UTF8.self).contains(marker) ? entry : nil
        }
    }

    @Test("a hook that overruns its timeout is killed with everything it started, and the failure is recorded")
    func wholeGroupKilled() throws {
        let marker = "77\(Int.random(in: 100_000...999_999)).5"
        var configuration = DeskConfiguration.standard
        var hook = NotificationHook(name: "hangs", command: "sleep \(marker); true")
        hook.timeoutSeconds = 1
        configuration.scheduler.hooks = [hook]
        let harness = try SchedulerHarness(configuration: configuration)
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        let report = try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(report.hooksFailed == 1)
        #expect(try harness.database.hookFailures().first?.lastError == "timed out after 1 s and was killed")
        usleep(200_000)
        #expect(try processes(with: marker).isEmpty, "the shell's sleep was killed too, not left as an orphan")
    }
}
