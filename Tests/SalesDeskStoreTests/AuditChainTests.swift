import Foundation
import GRDB
import SalesDeskDomain
@testable import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("The tamper-evident audit chain")
struct AuditChainTests {
    /// A desk with a few audited writes of every kind.
    private func busyDesk() throws -> DeskFixture {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        try desk.database.updateLead(lead.id!, LeadChanges(title: "Renewal"), by: desk.rep)
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync stopped"), by: desk.support)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.support)
        return desk
    }

    private func tamper(_ desk: DeskFixture, _ sql: String) throws {
        try desk.database.writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    @Test("every write links its entries into one chain that verifies")
    func writesChain() throws {
        let desk = try busyDesk()
        let report = try desk.database.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.entriesChecked == (try desk.count("audit_entry")))
        #expect(report.entriesChecked > 10)
        #expect(try desk.count("audit_entry", where: "hash IS NULL OR length(hash) <> 32") == 0)
    }

    @Test("an edited entry is named as the first broken link")
    func editDetected() throws {
        let desk = try busyDesk()
        try tamper(desk, "UPDATE audit_entry SET after = 'Lost' WHERE id = 5")
        let broken = try #require(try desk.database.verifyAuditChain().firstBreak)
        #expect(broken.entryID == 5)
        #expect(broken.reason.contains("contents do not match"))
    }

    @Test("a deleted entry is found at the entry after the gap")
    func deleteDetected() throws {
        let desk = try busyDesk()
        try tamper(desk, "DELETE FROM audit_entry WHERE id = 4")
        let broken = try #require(try desk.database.verifyAuditChain().firstBreak)
        #expect(broken.entryID == 5)
        #expect(broken.reason.contains("missing"))
    }

    @Test("re-hashing an edited entry breaks the link of the entry after it")
    func rehashDetected() throws {
        let desk = try busyDesk()
        try desk.database.writer.writeWithoutTransaction { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM audit_entry WHERE id = 6"))
            var fields = AuditHash.Fields(row: row)
            fields.after = "forged"
            let forged = AuditHash.hash(previous: row["prev_hash"], fields)
            try db.execute(sql: "UPDATE audit_entry SET after = 'forged', hash = ? WHERE id = 6", arguments: [forged])
        }
        let broken = try #require(try desk.database.verifyAuditChain().firstBreak)
        #expect(broken.entryID == 7)
        #expect(broken.reason.contains("link to entry #6"))
    }

    @Test("entries written before the chain existed are chained by the migration, across its 10,000-row pages")
    func migrationBackfills() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2: sort indexes for large queues")
            try queue.write { db in
                for id in 1...10_003 {
                    try db.execute(sql: "INSERT INTO audit_entry (user_id, at, record_kind, record_id, action, after) VALUES (NULL, ?, 'lead', ?, 'create', 'old')",
                                   arguments: [1_700_000_000 + id, id])
                }
            }
            try queue.close()
        }
        let database = try AppDatabase.open(path: path)
        let report = try database.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.entriesChecked == 10_003)
    }

    @Test("the demo generator's bulk load is chained too")
    func demoChains() throws {
        let temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 5, now: temporary.clock.date).generate(into: temporary.database)
        let report = try temporary.database.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.entriesChecked > 30)
        #expect(try temporary.database.isDemoDatabase())
    }

    @Test("the audit log filters by record, user and time, newest first")
    func auditQuery() throws {
        let desk = try busyDesk()
        let lead = try #require(try desk.database.leads(LeadQuery()).rows.first)
        let leadEntries = try desk.database.auditEntries(AuditQuery(record: .lead(lead.id)))
        #expect(leadEntries.map(\.action) == ["update", "move_stage", "create"])
        let bySupport = try desk.database.auditEntries(AuditQuery(userID: desk.support.id))
        #expect(!bySupport.isEmpty && bySupport.allSatisfy { $0.userID == desk.support.id })
        #expect(try desk.database.auditEntries(AuditQuery(since: desk.clock.date.addingTimeInterval(1))).isEmpty)
    }
}
