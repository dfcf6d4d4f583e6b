import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// The store's side of issue #13: the data check, anchors, restore's use of them, who can hold work,
/// and follow-ups on other people's leads.
@Suite("Trust in the store")
struct TrustStoreTests {
    @Test("the data check reports a lead edited directly and passes untouched ones")
    func dataCheck() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let other = try desk.lead("Sam Buyer")
        #expect(try desk.database.checkAuditedData().isClean)
        try desk.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE lead SET owner_id = ?, value_minor = 1 WHERE id = ?", arguments: [desk.otherRep.id, lead.id])
        }
        let report = try desk.database.checkAuditedData()
        #expect(report.mismatches.map(\.record) == [.lead(lead.id!)])
        #expect(report.checked >= 2)
        // A change through the desk records the new state: the other lead still matches after its move.
        try desk.database.moveLead(other.id!, to: .firstContact, by: desk.rep)
        #expect(try desk.database.checkAuditedData().mismatches.count == 1)
        #expect(try desk.database.verifyAuditChain().isIntact)
    }

    @Test("an anchor is missed when the newest entries are deleted or its entry is rewritten")
    func anchors() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        let anchor = try #require(try desk.database.takeAuditAnchor())
        #expect(try desk.database.check(anchor) == nil)
        #expect(AuditAnchor.parse(line: anchor.line) == anchor)
        #expect(try desk.database.newestAuditAnchor() == anchor)
        try desk.database.writer.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM audit_entry WHERE id = ?", arguments: [anchor.entryID]) }
        #expect(try desk.database.verifyAuditChain().isIntact)
        #expect(try desk.database.check(anchor) == .chainTooShort(anchor: anchor, entries: anchor.entryID - 1))
        try desk.database.writer.writeWithoutTransaction { db in try db.execute(sql: "UPDATE audit_entry SET hash = zeroblob(32) WHERE id = ?", arguments: [anchor.entryID - 1]) }
        let earlier = AuditAnchor(entryID: anchor.entryID - 1, hash: Data(repeating: 1, count: 32), madeAt: anchor.madeAt)
        #expect(try desk.database.check(earlier) == .hashDiffers(anchor: earlier))
    }

    @Test("restore refuses a backup that does not reach the newest anchor unless forced, and leaves nothing beside the backup")
    func restoreAndAnchors() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let backup = desk.temporary.directory.appendingPathComponent("backup.sqlite").path
        try desk.database.backup(to: backup)
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        _ = try desk.database.takeAuditAnchor()
        #expect {
            try AppDatabase.restore(from: backup, to: desk.temporary.path)
        } throws: { error in
            guard case .backupRefused(_, let detail)? = error as? StoreError else { return false }
            return detail.contains("or this is an older copy") && detail.contains("--force")
        }
        #expect(try desk.database.lead(lead.id!)?.stage == .firstContact)
        let inspection = try AppDatabase.restore(from: backup, to: desk.temporary.path, force: true)
        #expect(inspection.anchorMiss != nil)
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal") && !FileManager.default.fileExists(atPath: backup + "-shm"))
    }

    @Test("a lead cannot be given to a support rep, nor a ticket to a sales rep")
    func whoCanHoldWork() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        #expect(throws: DomainError.self) { try desk.database.assignLead(lead.id!, to: desk.support.id!, by: desk.manager) }
        #expect(try desk.database.lead(lead.id!)?.ownerID == desk.rep.id)
        let ticket = try desk.database.createTicket(NewTicket(subject: "Help"), by: desk.support)
        #expect {
            try desk.database.assignTicket(ticket.id!, to: desk.rep.id!, by: desk.manager)
        } throws: { error in
            (error as? DomainError)?.description.contains("ana is a Sales rep and cannot hold tickets") == true
        }
        #expect(try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.manager).assigneeID == desk.support.id)
    }

    @Test("a rep cannot plan or complete follow-ups on a colleague's lead, which would reset its stall clock")
    func followUpsOnOthersLeads() throws {
        let desk = try DeskFixture()
        let kenjisLead = try desk.lead("Kim Buyer", owner: desk.otherRep)
        let before = try #require(try desk.database.lead(kenjisLead.id!)?.lastTouchedAt)
        #expect {
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Poach", dueAt: utc(2026, 11, 24, 9), record: .lead(kenjisLead.id!)), by: desk.rep)
        } throws: { error in
            guard case .notPermitted(let message)? = error as? DomainError else { return false }
            return message.contains("lead #\(kenjisLead.id!)")
        }
        let planned = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call", dueAt: utc(2026, 11, 24, 9), record: .lead(kenjisLead.id!)), by: desk.manager)
        // Ana owns the follow-up (say it was handed to her), but the lead is still Kenji's.
        try desk.database.writer.write { db in
            try db.execute(sql: "UPDATE activity SET owner_id = ? WHERE id = ?", arguments: [desk.rep.id, planned.id])
        }
        #expect(throws: DomainError.self) { try desk.database.completeFollowUp(planned.id!, outcome: "done", by: desk.rep) }
        #expect(try desk.database.lead(kenjisLead.id!)?.lastTouchedAt == before)
    }

    @Test("system messages quoted in errors do not end in a doubled full stop")
    func noDoubledFullStop() {
        let message = StoreError.cannotCreateDirectory(path: "/srv/desk", detail: "You don’t have permission.").description
        #expect(!message.contains(".."), "\(message)")
        #expect(message.hasSuffix("permission."))
    }
}
