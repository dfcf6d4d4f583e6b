import SalesDeskDomain
import Testing

@Suite("The permission table")
struct PermissionTableTests {
    let table = PermissionTable.standard
    let ana = User(id: 1, handle: "ana", name: "Ana", email: "a@example.com", role: .rep)

    @Test("admins may do everything, managers everything but users, teams, settings, imports and restores")
    func adminsAndManagers() {
        #expect(DeskAction.allCases.allSatisfy { table.scope(of: $0, for: .admin) == .all })
        let managerCannot = DeskAction.allCases.filter { table.scope(of: $0, for: .manager) == .none }
        #expect(Set(managerCannot) == [.manageUsers, .manageTeams, .configurePipeline, .importRecords, .restoreBackup])
    }

    @Test("a rep may edit a lead she owns and no other")
    func ownership() {
        #expect(table.allows(.editLead, by: ana, ownerID: 1))
        #expect(!table.allows(.editLead, by: ana, ownerID: 2))
        #expect(!table.allows(.editLead, by: ana, ownerID: nil))
        #expect(!table.allows(.assignLead, by: ana, ownerID: 1))
    }

    @Test("a deactivated user may do nothing, whatever the role")
    func deactivated() {
        var gone = ana
        gone.isActive = false
        gone.role = .admin
        #expect(DeskAction.allCases.allSatisfy { !table.allows($0, by: gone, ownerID: gone.id) })
    }

    @Test("a refusal names who was refused and whom to ask, with the right article")
    func messages() {
        #expect(throws: DomainError.notPermitted("ana (Sales rep) may not manage users. Ask an Admin to do it.")) {
            try table.check(.manageUsers, by: ana)
        }
        #expect(throws: DomainError.notPermitted("ana (Sales rep) may not work tickets. Ask a Support rep, Manager or Admin to do it.")) {
            try table.check(.workTicket, by: ana)
        }
    }
}
