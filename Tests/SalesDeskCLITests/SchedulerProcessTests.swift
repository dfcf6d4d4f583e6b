import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Real `salesdesk scheduler` processes against one temporary database file.
@Suite("Scheduler processes", .serialized)
struct SchedulerProcessTests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    private func environment(at instant: Date) -> [String: String] {
        ["SALESDESK_DB": desk.temporary.path, "SALESDESK_NOW": instant.ISO8601Format(), "XDG_CONFIG_HOME": desk.temporary.directory.path]
    }

    private func reminderCount() throws -> Int { try desk.count("notification", where: "kind = 'reminder'") }

    @Test("two scheduler processes on one file through a busy day fire every reminder exactly once")
    func twoProcessesBusyDay() throws {
        for slot in 0..<30 {
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call \(slot)", dueAt: utc(2026, 11, 23, 11).addingTimeInterval(TimeInterval(slot * 1200))), by: desk.rep)
        }
        // Every 15 minutes (the catch-up limit), so nothing is late enough to go into a digest.
        for step in 0...48 {
            let instant = utc(2026, 11, 23, 10).addingTimeInterval(TimeInterval(step * 900))
            let pair = try (0..<2).map { _ in try BuiltBinary.start(["scheduler", "--once"], environment: environment(at: instant)) }
            for result in pair.map({ $0.finish() }) { #expect(result.status == 0, "\(result.stderr)") }
        }
        #expect(try reminderCount() == 60)
        #expect(try desk.count("notification", where: "kind = 'reminder'") == desk.count("scheduled_job", where: "kind = 'reminder' AND outcome = 'notified'"))
        let titles = try desk.database.writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT title FROM notification WHERE kind = 'reminder'") }
        #expect(titles.count == 60)
    }

    @Test("kill -9 of a scheduler that claimed work: the work fires once, after the lease runs out")
    func killedAfterClaim() throws {
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call Jo", dueAt: utc(2026, 11, 23, 14)), by: desk.rep)
        let claimedAt = utc(2026, 11, 23, 13)
        let doomed = try BuiltBinary.start(["scheduler", "--once", "--hold-after-claim"], environment: environment(at: claimedAt))
        while try desk.count("scheduled_job", where: "claimed_by IS NOT NULL") == 0 { usleep(20_000) }
        kill(doomed.pid, SIGKILL)
        #expect(doomed.finish().status == 128 + SIGKILL)
        #expect(try reminderCount() == 0)
        #expect(try StoreSoundness.problems(in: desk.database) == [], "killed mid-pass: integrity, audit chain, board totals")

        let early = try BuiltBinary.run(["scheduler", "--once"], environment: environment(at: claimedAt.addingTimeInterval(59)))
        #expect(early.status == 0, "\(early.stderr)")
        #expect(try reminderCount() == 0)
        for _ in 0..<2 {
            let result = try BuiltBinary.run(["scheduler", "--once"], environment: environment(at: claimedAt.addingTimeInterval(60)))
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try reminderCount() == 1)
        #expect(try StoreSoundness.problems(in: desk.database) == [])
    }

    @Test("the daemon beats, shows as alive in status, and stops cleanly on SIGTERM")
    func daemonStatusAndSigterm() throws {
        let instant = utc(2026, 11, 23, 10)
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call Jo", dueAt: utc(2026, 11, 23, 14)), by: desk.rep)
        let daemon = try BuiltBinary.start(["scheduler"], environment: environment(at: instant))
        while try desk.count("scheduler_heartbeat") == 0 { usleep(20_000) }
        let status = try BuiltBinary.run(["scheduler", "status", "--json"], environment: environment(at: instant))
        #expect(status.status == 0, "\(status.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let details = json?["status"] as? [String: Any]
        #expect(json?["alive"] as? Bool == true)
        #expect(details?["backlog"] as? Int == 0)
        #expect(details?["nextDueAt"] as? String == "2026-11-23T13:00:00Z")
        #expect((details?["heartbeats"] as? [[String: Any]])?.count == 1)
        kill(daemon.pid, SIGTERM)
        let result = daemon.finish()
        #expect(result.status == 0)
        #expect(result.stderr.contains("scheduler stopped"))

        let later = try BuiltBinary.run(["scheduler", "status"], environment: environment(at: instant.addingTimeInterval(3600)))
        #expect(later.stdout.contains("Scheduler: NOT RUNNING"))
    }
}
