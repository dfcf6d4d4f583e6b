import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// A real scheduler daemon with a hook that hangs: the other hook, the heartbeat and SIGTERM go on.
@Suite("Hooks that hang cannot stall the scheduler", .serialized)
struct HookProcessTests {
    /// A `sleep` argument no other process on the machine uses, to find the hook's children.
    private let marker = "86\(Int.random(in: 100_000...999_999)).5"

    private func sleepers() throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry in
            guard let pid = pid_t(entry), let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: command, as: UTF8.self).contains(marker) ? pid : nil
        }
    }

    @Test("with a hanging hook the fast hook delivers, the heartbeat beats, SIGTERM stops it in seconds and no hook process is left")
    func hangingHook() throws {
        let desk = try DeskFixture()
        let delivered = desk.temporary.directory.appendingPathComponent("delivered.log").path
        try FileManager.default.createDirectory(atPath: desk.temporary.directory.appendingPathComponent("salesdesk").path, withIntermediateDirectories: true)
        try """
            [scheduler]
            change_check_seconds = 1
            heartbeat_stale_minutes = 1

            [[hooks]]
            name = "hangs"
            command = "sleep \(marker); true"
            timeout_seconds = 120

            [[hooks]]
            name = "fast"
            command = "cat >> '\(delivered)'; echo >> '\(delivered)'"
            """.write(toFile: desk.temporary.directory.appendingPathComponent("salesdesk/config.toml").path, atomically: true, encoding: .utf8)
        let environment = ["SALESDESK_DB": desk.temporary.path, "SALESDESK_USER": "admin", "XDG_CONFIG_HOME": desk.temporary.directory.path]
        let daemon = try BuiltBinary.start(["scheduler"], environment: environment)
        defer { daemon.kill() }
        func waitFor(_ seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try condition() { return true }
                usleep(100_000)
            }
            return try condition()
        }
        #expect(try waitFor(20) { try desk.count("scheduler_heartbeat") > 0 })
        // Three notifications after the hooks first looked (history is not replayed).
        let leads = try (0..<3).map { try desk.lead("Buyer \($0)") }
        for lead in leads { try desk.database.assignLead(lead.id!, to: desk.otherRep.id!, by: desk.manager) }

        #expect(try waitFor(15) { (try? String(contentsOfFile: delivered, encoding: .utf8))?.components(separatedBy: "\"id\"").count == 4 },
                "the fast hook delivered all three while the other hook hangs")
        #expect(try !sleepers().isEmpty, "the hanging hook is running")
        let firstBeat = try desk.database.latestHeartbeat()
        #expect(try waitFor(20) { try desk.database.latestHeartbeat() != firstBeat }, "the heartbeat goes on while the hook hangs")

        let signalled = Date()
        daemon.kill(SIGTERM)
        let result = daemon.finish()
        #expect(Date().timeIntervalSince(signalled) < 8, "SIGTERM is honoured within seconds")
        #expect(result.stderr.contains("scheduler stopped"), "\(result.stderr)")
        #expect(try waitFor(3) { try sleepers().isEmpty }, "the hook's whole process group was killed, its sleep included")
    }
}
