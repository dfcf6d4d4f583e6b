import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Audit anchors and the data check, damage that stops writes, and the small input and output rules,
/// through the real binary (the same team database as the other trust tests).
extension TrustCLITests {
    @Test("audit verify --data names a lead whose owner and value were changed with sqlite3")
    func dataCheckFindsDirectEdits() throws {
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        let clean = try run(as: "admin", "audit", "verify", "--data")
        #expect(clean.status == 0, "\(clean.stderr)")
        try desk.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE lead SET owner_id = ?, value_minor = 1 WHERE id = ?", arguments: [desk.otherRep.id, lead.id])
        }
        #expect(try run(as: "admin", "audit", "verify").status == 0, "the chain alone cannot see it")
        let caught = try run(as: "admin", "audit", "verify", "--data")
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("lead #\(lead.id!) differs from its last audited state"), "\(caught.stderr)")
    }

    @Test("an anchor catches the newest entries deleted, which the chain alone passes")
    func anchorCatchesTruncation() throws {
        for stage in [StageKey.firstContact, .demoGiven] { try desk.database.moveLead(lead.id!, to: stage, by: desk.rep) }
        let anchors = file("anchors.log")
        let taken = try run(as: "admin", "audit", "anchor", "--append", anchors)
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.hasPrefix("salesdesk-audit-anchor entry="))
        #expect(try run(as: "admin", "audit", "verify", "--anchor", anchors).status == 0)
        let hash = try #require(taken.stdout.split(separator: " ").first { $0.hasPrefix("hash=") }.map { String($0.dropFirst(5)) })
        #expect(try run(as: "admin", "audit", "verify", "--anchor", hash).status == 0)

        try desk.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM audit_entry WHERE id > (SELECT MAX(id) - 2 FROM audit_entry)")
        }
        #expect(try run(as: "admin", "audit", "verify").status == 0, "the chain alone cannot see it")
        let caught = try run(as: "admin", "audit", "verify", "--anchor", anchors)
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("newer entries were deleted"), "\(caught.stderr)")
        #expect(try run(as: "admin", "audit", "verify", "--anchor", hash).status == 1)
    }

    @Test("restore refuses a backup older than the newest anchor unless forced")
    func restoreRespectsAnchors() throws {
        let backup = file("old.sqlite")
        #expect(try run(as: "admin", "backup", backup).status == 0)
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        #expect(try run(as: "admin", "audit", "anchor").status == 0)
        let refused = try run(as: "admin", "restore", backup)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("older copy"), "\(refused.stderr)")
        #expect(try desk.database.lead(lead.id!)?.stage == .firstContact, "the live database was not touched")
        let forced = try run(as: "admin", "restore", backup, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
        for suffix in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: backup + suffix), "restore left \(suffix) beside the backup") }
    }

    @Test("random bytes mid-file: db check reports damage, writes stop with how to restore, and the scheduler writes nothing")
    func damageStopsWrites() throws {
        for index in 0..<400 { try desk.lead("Buyer \(index)", company: "Company \(index)") }
        try desk.database.writer.writeWithoutTransaction { db in _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let handle = try #require(FileHandle(forUpdatingAtPath: desk.temporary.path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        var generator = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()

        let check = try run(as: "admin", "db", "check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("damaged") || check.stderr.contains("failed its integrity check"), "\(check.stderr)")
        #expect(!check.stderr.contains("SQLite error"), "\(check.stderr)")
        for result in [try run(as: "ana", "lead", "add", "--name", "New Buyer"), try run(as: "ana", "agenda")] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("is damaged"), "\(result.stderr)")
            #expect(result.stderr.contains("salesdesk restore"))
            #expect(!result.stderr.contains("SQLite error"))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: desk.temporary.path))
        let scheduler = try run(as: "admin", "scheduler", "--once")
        #expect(scheduler.status != 0)
        #expect(scheduler.stderr.contains("is damaged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: desk.temporary.path)) == before)
        #expect((try? FileManager.default.attributesOfItem(atPath: desk.temporary.path + "-wal")[.size] as? Int) ?? 0 == 0,
                "nothing was written to the write-ahead log either")
    }

    @Test("the first command to meet damage says so in words, marks the file, and every later write is refused")
    func firstMeetingWithDamage() throws {
        for index in 0..<50 { try desk.lead("Buyer \(index)") }
        let page = try desk.database.writer.writeWithoutTransaction { db -> Int in
            _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'lead'") ?? 0
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: desk.temporary.path))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096)) // the lead table's root page
        try handle.close()

        let listing = try run(as: "ana", "lead", "list")
        #expect(listing.status != 0)
        #expect(listing.stderr.contains("is damaged"), "\(listing.stderr)")
        #expect(listing.stderr.contains("salesdesk restore"))
        #expect(!listing.stderr.contains("SQLite error"), "\(listing.stderr)")
        #expect(FileManager.default.fileExists(atPath: DamageMarker.path(for: desk.temporary.path)))
        let scheduler = try run(as: "admin", "scheduler", "--once")
        #expect(scheduler.status != 0)
        #expect(scheduler.stderr.contains("is damaged"))
        let check = try run(as: "admin", "db", "check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("lead"), "db check names the damaged table: \(check.stderr)")
    }

    @Test("a dropped table makes db check fail, naming it")
    func droppedTable() throws {
        try desk.database.writer.writeWithoutTransaction { db in try db.execute(sql: "DROP TABLE scheduler_heartbeat") }
        let check = try run(as: "admin", "db", "check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("table scheduler_heartbeat is missing"), "\(check.stderr)")
    }

    @Test("lead list into a full device fails instead of exiting 0")
    func fullDevice() throws {
        let binary = try #require(BuiltBinary.path)
        let result = try ChildProcess.run("/bin/sh", ["-c", "\"$0\" lead list > /dev/full", binary], environment: ProcessInfo.processInfo.environment.merging([
            "SALESDESK_DB": desk.temporary.path, "SALESDESK_USER": "ana", "XDG_CONFIG_HOME": desk.temporary.directory.path,
        ]) { $1 })
        #expect(result.status != 0)
        #expect(result.stderr.contains("the output could not be written"), "\(result.stderr)")
    }

    @Test("careful input: both --lead and --ticket, a comma in --value and a 120,000-character --name are clear errors")
    func carefulInput() throws {
        let both = try run(as: "ana", "followup", "add", "--lead", String(lead.id!), "--ticket", "T-1", "--subject", "Call", "--due", "+1h")
        #expect(both.status != 0)
        #expect(both.stderr.contains("give --lead or --ticket, not both"), "\(both.stderr)")
        let comma = try run(as: "ana", "lead", "add", "--name", "Jo Comma", "--value", "1,000")
        #expect(comma.status != 0)
        #expect(comma.stderr.contains("write the amount without commas"), "\(comma.stderr)")
        let long = try run(as: "ana", "lead", "list", "--name", String(repeating: "x", count: 120_000))
        #expect(long.status != 0)
        #expect(long.stderr.contains("--name is 120000 characters long"), "\(long.stderr.prefix(300))")
        #expect(!long.stderr.contains("LIKE"))
    }
}
