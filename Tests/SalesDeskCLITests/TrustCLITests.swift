import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Roles, the audit chain, backup and restore through the real binary, signed in by login name
/// (`SALESDESK_USER`) on a team database that is not a demo.
@Suite("Trust through the command line", .serialized)
struct TrustCLITests {
    let desk: DeskFixture
    let lead: Lead

    init() throws {
        desk = try DeskFixture()
        lead = try desk.lead()
    }

    func run(as handle: String, _ arguments: String...) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: [
            "SALESDESK_DB": desk.temporary.path, "SALESDESK_USER": handle, "SALESDESK_NOW": "2026-11-23T10:00:00Z",
            "XDG_CONFIG_HOME": desk.temporary.directory.path,
        ])
    }

    func file(_ name: String) -> String { desk.temporary.directory.appendingPathComponent(name).path }

    @Test("a rep moving a colleague's lead is refused with a message saying whom to ask")
    func repRefused() throws {
        let result = try run(as: "kenji", "lead", "move", String(lead.id!), "First Contact")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Not permitted: kenji (Sales rep) may edit leads only for their own records"))
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
        #expect(try run(as: "ana", "lead", "move", String(lead.id!), "First Contact").status == 0)
    }

    @Test("--as is refused to a rep on a team database and allowed to an admin")
    func actAsIsForAdmins() throws {
        let refused = try run(as: "ana", "lead", "list", "--as", "maria")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--as is for admins; you are ana (Sales rep)"))
        let allowed = try run(as: "admin", "lead", "move", String(lead.id!), "First Contact", "--as", "ana")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try desk.database.history(of: .lead(lead.id!)).last?.userID == desk.rep.id, "the change is attributed to the user acted as")
    }

    @Test("a manager deactivates a rep and hands her leads to a colleague in one command")
    func deactivate() throws {
        let result = try run(as: "maria", "users", "deactivate", "ana", "--reassign-to", "kenji")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kenji took over 1 open leads"))
        #expect(try desk.database.lead(lead.id!)?.ownerID == desk.otherRep.id)
        let locked = try run(as: "ana", "lead", "list")
        #expect(locked.stderr.contains("is deactivated"))
    }

    @Test("audit verify passes, then names the first entry edited behind the desk's back")
    func auditVerify() throws {
        let clean = try run(as: "ana", "audit", "verify")
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("audit chain intact"))
        #expect(clean.stdout.range(of: "Newest entry's hash: [0-9a-f]{64}", options: .regularExpression) != nil)
        try desk.database.writer.writeWithoutTransaction { db in try db.execute(sql: "UPDATE audit_entry SET user_id = NULL WHERE id = 3") }
        let broken = try run(as: "ana", "audit", "verify")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken at audit entry #3"))
    }

    @Test("audit log shows a lead's history with who did what")
    func auditLog() throws {
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        let result = try run(as: "maria", "audit", "log", "--record", "lead:\(lead.id!)", "--user", "ana", "--since", "2026-11-01")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("move_stage"))
        #expect(result.stdout.contains("stage: Open → First Contact"))
        #expect(result.stdout.contains("ana"))
    }

    @Test("backup then restore by an admin brings the data back; a rep may not restore")
    func backupRestore() throws {
        let backup = file("nightly.sqlite")
        let made = try run(as: "ana", "backup", backup)
        #expect(made.status == 0, "\(made.stderr)")
        try desk.lead("After Backup")
        let refused = try run(as: "ana", "restore", backup)
        #expect(refused.stderr.contains("may not restore a backup"))
        #expect(try desk.database.countLeads(LeadQuery()) == 2)
        let restored = try run(as: "admin", "restore", backup)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try desk.database.countLeads(LeadQuery()) == 1)
    }

    @Test("restore refuses a file that is not a database and names it")
    func restoreGarbage() throws {
        let garbage = file("garbage.sqlite")
        try Data(repeating: 7, count: 10_000).write(to: URL(fileURLWithPath: garbage))
        let result = try run(as: "admin", "restore", garbage)
        #expect(result.status != 0)
        #expect(result.stderr.contains("garbage.sqlite is not a usable Sales Desk database"))
        #expect(try desk.database.countLeads(LeadQuery()) == 1)
    }
}
