import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Backup and restore")
struct BackupRestoreTests {
    private func path(_ desk: DeskFixture, _ name: String) -> String {
        desk.temporary.directory.appendingPathComponent(name).path
    }

    @Test("a backup taken while another connection writes is consistent, private and complete")
    func backupWhileWriting() async throws {
        let desk = try DeskFixture()
        for index in 0..<20 { try desk.lead("Buyer \(index)") }
        let writer = Task.detached {
            for index in 0..<50 { try desk.lead("Late \(index)") }
        }
        let file = path(desk, "backup.sqlite")
        try desk.database.backup(to: file)
        try await writer.value
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let inspection = try AppDatabase.inspectBackup(at: file)
        #expect(inspection.leadCount >= 20 && inspection.leadCount <= 70)
        #expect(inspection.auditChain?.isIntact == true)
    }

    @Test("an existing file is never overwritten by a backup")
    func backupRefusesToOverwrite() throws {
        let desk = try DeskFixture()
        let file = path(desk, "taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError.self) { try desk.database.backup(to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    @Test("restore brings back the backed-up data and the audit chain still verifies")
    func restoreReplacesData() throws {
        let desk = try DeskFixture()
        try desk.lead("Kept")
        let file = path(desk, "backup.sqlite")
        try desk.database.backup(to: file)
        try desk.lead("Made after the backup")
        try AppDatabase.restore(from: file, to: desk.temporary.path)
        let reopened = try AppDatabase.open(path: desk.temporary.path)
        #expect(try reopened.countLeads(LeadQuery()) == 1)
        #expect(try reopened.verifyAuditChain().isIntact)
        // The connection that was open during the restore sees the restored data too.
        #expect(try desk.database.countLeads(LeadQuery()) == 1)
    }

    @Test("restore refuses a garbage file, a truncated backup, a newer schema and a tampered audit log, leaving the live data alone",
          arguments: ["garbage", "truncated", "newer", "tampered"])
    func restoreRefuses(kind: String) throws {
        let desk = try DeskFixture()
        try desk.lead("Live")
        let file = path(desk, "bad.sqlite")
        if kind == "garbage" {
            try Data(repeating: 0x5A, count: 64 * 1024).write(to: URL(fileURLWithPath: file))
        } else {
            try desk.database.backup(to: file)
            let queue = try DatabaseQueue(path: file)
            switch kind {
            case "newer": try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
            case "tampered": try queue.write { db in try db.execute(sql: "UPDATE audit_entry SET after = 'forged' WHERE id = 2") }
            default: break
            }
            try queue.close()
            if kind == "truncated" {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
            }
        }
        #expect(throws: StoreError.self) { try AppDatabase.restore(from: file, to: desk.temporary.path) }
        #expect(try desk.database.countLeads(LeadQuery()) == 1)
        #expect(try desk.database.integrityProblems().isEmpty)
    }

    @Test("restoring over a corrupted live file moves it aside and opens cleanly")
    func restoreOverCorruptFile() throws {
        let desk = try DeskFixture()
        try desk.lead("Precious")
        let file = path(desk, "backup.sqlite")
        try desk.database.backup(to: file)
        let live = path(desk, "live.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: live))
        #expect(throws: StoreError.self) { try AppDatabase.open(path: live) }
        try AppDatabase.restore(from: file, to: live)
        #expect(try AppDatabase.open(path: live).countLeads(LeadQuery()) == 1)
        let folder = try FileManager.default.contentsOfDirectory(atPath: desk.temporary.directory.path)
        #expect(folder.contains { $0.hasPrefix("live.sqlite.broken-") })
    }
}
