import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Faults a desk meets on a real host: writers killed mid-write, a full disk, and several processes
/// writing the same file for a while. After each, the file is sound (``StoreSoundness``), nothing is
/// half-written, and the audit chain verifies.
@Suite("Faults: kill -9, a full disk, and four writers at once", .serialized)
struct FaultTests {
    /// Seconds the load test runs: `SALESDESK_LOAD_SECONDS`, 30 by default (the figure in Docs/RELIABILITY.md).
    static let loadSeconds = Double(ProcessInfo.processInfo.environment["SALESDESK_LOAD_SECONDS"] ?? "") ?? 30

    private static func environment(_ desk: DeskFixture, as handle: String) -> [String: String] {
        ["SALESDESK_DB": desk.temporary.path, "SALESDESK_USER": handle, "SALESDESK_NOW": "2026-11-23T10:00:00Z",
         "XDG_CONFIG_HOME": desk.temporary.directory.path]
    }

    /// Runs the binary under `ulimit -f` (in KiB) with SIGXFSZ left at its default, as a shell would.
    private static func runLimited(fileSizeKiB: Int, _ arguments: [String], environment: [String: String]) throws -> ChildProcess.Result {
        let binary = try #require(BuiltBinary.path)
        let quoted = ([binary] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        return try ChildProcess.run("/bin/bash", ["-c", "ulimit -f \(fileSizeKiB); exec \(quoted)"],
                                    environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    @Test("kill -9 at random moments of a stream of lead writes leaves every lead whole and the chain intact")
    func killDuringWrites() throws {
        let desk = try DeskFixture()
        var random = SystemRandomNumberGenerator()
        var started = 0
        for index in 0..<40 {
            let child = try BuiltBinary.start(["lead", "add", "--name", "Killed \(index)", "--company", "Crash Co \(index % 3)", "--value", "100"],
                                              environment: Self.environment(desk, as: "ana"))
            usleep(UInt32.random(in: 0...60_000, using: &random))
            child.kill()
            _ = child.finish()
            started += 1
        }
        #expect(try StoreSoundness.problems(at: desk.temporary.path).isEmpty)
        let halfWritten = try desk.count("lead", where: """
            id NOT IN (SELECT record_id FROM audit_entry WHERE record_kind = 'lead' AND action = 'create')
            OR contact_id NOT IN (SELECT id FROM contact) OR id * 4 NOT IN (SELECT rowid FROM search)
            """)
        #expect(halfWritten == 0, "every lead that exists has its contact, audit entry and search row")
        #expect(try desk.count("lead") <= started)
    }

    @Test("kill -9 during a bulk load (demo generation) leaves a sound file whose chain verifies", arguments: [200_000, 700_000, 1_500_000])
    func killDuringBulkLoad(afterMicroseconds: UInt32) throws {
        let temporary = try TemporaryDatabase()
        let path = temporary.directory.appendingPathComponent("bulk.sqlite").path
        let child = try BuiltBinary.start(["demo", "--size", "1m", "--db", path], environment: ["SALESDESK_NOW": "2026-11-23T10:00:00Z"])
        usleep(afterMicroseconds)
        child.kill()
        let result = child.finish()
        #expect(result.status == 128 + SIGKILL, "the load was still running when killed")
        guard FileManager.default.fileExists(atPath: path) else { return }
        #expect(try StoreSoundness.problems(at: path).isEmpty)
    }

    @Test("a full disk (ulimit -f) stops a write with a clear message and leaves the database as it was")
    func diskFullDuringWrite() throws {
        let desk = try DeskFixture()
        try desk.lead("Before")
        let result = try Self.runLimited(fileSizeKiB: 8, ["lead", "add", "--name", "Too Big", "--company", "Full Disk Ltd"],
                                         environment: Self.environment(desk, as: "ana"))
        #expect(result.status != 0)
        #expect(result.stderr.contains("Nothing of that change was saved"), "\(result.stderr)")
        #expect(!result.stderr.contains("SQLite error"))
        #expect(try desk.count("lead") == 1)
        #expect(try StoreSoundness.problems(at: desk.temporary.path).isEmpty)
        let retried = try BuiltBinary.run(["lead", "add", "--name", "After Space Freed"], environment: Self.environment(desk, as: "ana"))
        #expect(retried.status == 0, "\(retried.stderr)")
    }

    @Test("a full disk during a backup leaves no file under the backup's name")
    func diskFullDuringBackup() throws {
        let desk = try DeskFixture()
        for index in 0..<30 { try desk.lead("Buyer \(index)") }
        let target = desk.temporary.directory.appendingPathComponent("backup.sqlite").path
        let result = try Self.runLimited(fileSizeKiB: 64, ["backup", target], environment: Self.environment(desk, as: "ana"))
        #expect(result.status != 0)
        #expect(result.stderr.contains("Backup to \(target) failed"), "\(result.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: desk.temporary.directory.path).filter { $0.hasPrefix("backup.sqlite") }
        #expect(leftovers.isEmpty)
    }

    @Test("four processes writing at once for the load period lose nothing and show no error")
    func fourWriters() throws {
        let desk = try DeskFixture()
        let shared = try desk.lead("Shared Lead")
        let ticket = try desk.database.createTicket(NewTicket(subject: "Shared ticket"), by: desk.support)
        let workers: [(handle: String, arguments: @Sendable (Int) -> [String])] = [
            ("ana", { ["lead", "add", "--name", "Ana \($0)", "--company", "Load Co"] }),
            ("kenji", { ["lead", "add", "--name", "Kenji \($0)", "--company", "Load Co"] }),
            ("fatima", { ["ticket", "comment", "T-\(String(format: "%06d", ticket.id!))", "note \($0)"] }),
            ("maria", { ["followup", "add", "--lead", String(shared.id!), "--subject", "Check \($0)", "--due", "+1d"] }),
        ]
        let deadline = Date().addingTimeInterval(Self.loadSeconds)
        let tallies = Tallies(count: workers.count)
        let finished = DispatchGroup()
        for index in workers.indices {
            finished.enter()
            // One thread per worker: a pool as wide as the cores would run them two at a time on 2 cores.
            Thread.detachNewThread {
                defer { finished.leave() }
                var written = 0
                while Date() < deadline {
                    guard let result = try? BuiltBinary.run(workers[index].arguments(written), environment: Self.environment(desk, as: workers[index].handle)) else {
                        tallies.fail(index, "could not start salesdesk")
                        continue
                    }
                    if result.status == 0, result.stderr.isEmpty { written += 1 } else { tallies.fail(index, result.stderr) }
                }
                tallies.set(index, written)
            }
        }
        finished.wait()
        #expect(tallies.errors.isEmpty, "errors shown: \(tallies.errors.prefix(3))")
        #expect(try desk.count("lead", where: "owner_id = \(desk.rep.id!) AND id <> \(shared.id!)") == tallies.writes[0])
        #expect(try desk.count("lead", where: "owner_id = \(desk.otherRep.id!)") == tallies.writes[1])
        #expect(try desk.count("ticket_comment", where: "ticket_id = \(ticket.id!)") == tallies.writes[2])
        #expect(try desk.count("activity", where: "record_kind = 'lead' AND record_id = \(shared.id!)") == tallies.writes[3])
        #expect(tallies.writes.allSatisfy { $0 > 0 })
        #expect(try StoreSoundness.problems(in: desk.database).isEmpty)
        FaultFigures.record("four writers for \(Int(Self.loadSeconds)) s: \(tallies.writes.reduce(0, +)) writes (\(tallies.writes.map(String.init).joined(separator: " + "))), 0 lost, 0 errors")
    }
}

/// Per-worker write counts and error texts, shared across the load test's threads.
private final class Tallies: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    private var failures: [String] = []

    init(count: Int) { counts = Array(repeating: 0, count: count) }

    var writes: [Int] { lock.withLock { counts } }
    var errors: [String] { lock.withLock { failures } }

    func set(_ index: Int, _ value: Int) { lock.withLock { counts[index] = value } }
    func fail(_ index: Int, _ text: String) { lock.withLock { failures.append("worker \(index): \(text)") } }
}

/// Prints the figures Docs/RELIABILITY.md quotes, so a CI log shows them.
enum FaultFigures {
    static func record(_ line: String) {
        FileHandle.standardError.write(Data("[reliability] \(line)\n".utf8))
    }
}
