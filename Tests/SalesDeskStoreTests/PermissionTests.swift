import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Every named write, tried by every role, through the store: allowed ones succeed, refused ones throw
/// `notPermitted` and leave the database exactly as it was (not even an audit entry).
@Suite("Permissions enforced by the store's writes")
struct PermissionTests {
    /// A fixture with a lead and a follow-up owned by the rep (ana) and a ticket support opened and took.
    struct World {
        let desk: DeskFixture
        let lead: Lead
        let followUp: Activity
        let ticket: Ticket

        init() throws {
            desk = try DeskFixture()
            lead = try desk.lead()
            followUp = try desk.database.scheduleFollowUp(
                NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
            let opened = try desk.database.createTicket(NewTicket(subject: "Sync stopped"), by: desk.support)
            ticket = try desk.database.assignTicket(opened.id!, to: desk.support.id!, by: desk.support)
        }
    }

    /// One write and the actors who may do it (by fixture handle: admin, maria = manager, ana = owning
    /// rep, kenji = another rep, fatima = support).
    struct WriteCase: Sendable, CustomTestStringConvertible {
        var name: String
        var allowed: Set<String>
        var run: @Sendable (World, User) throws -> Void
        var testDescription: String { name }
    }

    static let managersAndOwner: Set<String> = ["admin", "maria", "ana"]
    static let cases: [WriteCase] = [
        .init(name: "createLead for ana", allowed: managersAndOwner) { world, user in
            try world.desk.database.createLead(NewLead(contactName: "New Person", ownerID: world.desk.rep.id!), by: user)
        },
        .init(name: "updateLead", allowed: managersAndOwner) { world, user in
            try world.desk.database.updateLead(world.lead.id!, LeadChanges(title: "Bigger deal"), by: user)
        },
        .init(name: "moveLead", allowed: managersAndOwner) { world, user in
            try world.desk.database.moveLead(world.lead.id!, to: .firstContact, by: user)
        },
        .init(name: "setLeadOnHold", allowed: managersAndOwner) { world, user in
            try world.desk.database.setLeadOnHold(world.lead.id!, false, by: user)
        },
        .init(name: "assignLead", allowed: ["admin", "maria"]) { world, user in
            try world.desk.database.assignLead(world.lead.id!, to: world.desk.otherRep.id!, by: user)
        },
        .init(name: "scheduleFollowUp for ana", allowed: managersAndOwner) { world, user in
            try world.desk.database.scheduleFollowUp(
                NewFollowUp(type: .email, subject: "Send deck", dueAt: world.desk.clock.date, ownerID: world.desk.rep.id!), by: user)
        },
        .init(name: "logActivity for ana", allowed: managersAndOwner) { world, user in
            try world.desk.database.logActivity(
                NewFollowUp(type: .call, subject: "Called", dueAt: world.desk.clock.date, ownerID: world.desk.rep.id!, record: .lead(world.lead.id!)),
                outcome: "Voicemail", by: user)
        },
        .init(name: "completeFollowUp", allowed: managersAndOwner) { world, user in
            try world.desk.database.completeFollowUp(world.followUp.id!, outcome: "Done", by: user)
        },
        .init(name: "rescheduleFollowUp", allowed: managersAndOwner) { world, user in
            try world.desk.database.rescheduleFollowUp(world.followUp.id!, to: world.desk.clock.date.addingTimeInterval(3600), reason: "Busy", by: user)
        },
        .init(name: "cancelFollowUp", allowed: managersAndOwner) { world, user in
            try world.desk.database.cancelFollowUp(world.followUp.id!, reason: "Not needed", by: user)
        },
        .init(name: "createTicket", allowed: ["admin", "maria", "ana", "kenji", "fatima"]) { world, user in
            try world.desk.database.createTicket(NewTicket(subject: "Login fails"), by: user)
        },
        .init(name: "assignTicket", allowed: ["admin", "maria", "fatima"]) { world, user in
            try world.desk.database.assignTicket(world.ticket.id!, to: world.desk.support.id!, by: user)
        },
        .init(name: "moveTicket", allowed: ["admin", "maria", "fatima"]) { world, user in
            try world.desk.database.moveTicket(world.ticket.id!, to: .inProcess, by: user)
        },
        .init(name: "commentOnTicket", allowed: ["admin", "maria", "fatima"]) { world, user in
            try world.desk.database.commentOnTicket(world.ticket.id!, body: "Looking into it", customerVisible: true, by: user)
        },
        .init(name: "setTicketPriority", allowed: ["admin", "maria", "fatima"]) { world, user in
            try world.desk.database.setTicketPriority(world.ticket.id!, .high, by: user)
        },
        .init(name: "setTicketCategory", allowed: ["admin", "maria", "fatima"]) { world, user in
            try world.desk.database.setTicketCategory(world.ticket.id!, .productBug, by: user)
        },
        .init(name: "createTeam", allowed: ["admin"]) { world, user in
            try world.desk.database.createTeam(Team(name: "Partners"), by: user)
        },
        .init(name: "createUser", allowed: ["admin"]) { world, user in
            try world.desk.database.createUser(User(handle: "newbie", name: "New Bie", email: "n@example.com", role: .rep), by: user)
        },
        .init(name: "deactivateUser kenji", allowed: ["admin", "maria"]) { world, user in
            try world.desk.database.deactivateUser(world.desk.otherRep.id!, reassignTo: nil, by: user)
        },
        .init(name: "reactivateUser", allowed: ["admin"]) { world, user in
            try world.desk.database.reactivateUser(world.desk.otherRep.id!, by: user)
        },
    ]

    @Test("each role may do exactly what the permission table grants", arguments: cases)
    func everyRoleEveryWrite(write: WriteCase) throws {
        for handle in ["admin", "maria", "ana", "kenji", "fatima"] {
            let world = try World()
            let actor = try #require(try world.desk.database.user(handle: handle))
            let auditBefore = try world.desk.count("audit_entry")
            if write.allowed.contains(handle) {
                #expect(throws: Never.self, "\(handle) should be allowed to \(write.name)") { try write.run(world, actor) }
            } else {
                let error = #expect(throws: DomainError.self, "\(handle) should be refused \(write.name)") { try write.run(world, actor) }
                guard case .notPermitted(let message)? = error else {
                    Issue.record("\(handle) doing \(write.name) failed with \(String(describing: error)), not notPermitted")
                    continue
                }
                #expect(message.contains(handle), "the message names who was refused: \(message)")
                #expect(try world.desk.count("audit_entry") == auditBefore, "a refused write leaves no audit entry")
            }
        }
    }

    @Test("a rep is told whom to ask when editing a colleague's lead")
    func refusalSaysWhatToDo() throws {
        let world = try World()
        #expect(throws: DomainError.notPermitted(
            "kenji (Sales rep) may edit leads only for their own records; lead #\(world.lead.id!) belongs to someone else. Ask its owner or a Manager or Admin to do it.")) {
            try world.desk.database.moveLead(world.lead.id!, to: .firstContact, by: world.desk.otherRep)
        }
        #expect(try world.desk.database.lead(world.lead.id!)?.stage == .open)
    }

    @Test("a deactivated user can no longer write, even with a User value fetched before")
    func deactivatedUserIsRefused() throws {
        let world = try World()
        try world.desk.database.deactivateUser(world.desk.rep.id!, reassignTo: world.desk.otherRep.id!, by: world.desk.manager)
        #expect(throws: DomainError.self) {
            try world.desk.database.updateLead(world.lead.id!, LeadChanges(title: "Sneaky"), by: world.desk.rep)
        }
    }

    @Test("the first user can be added without a signed-in user, the second cannot")
    func bootstrap() throws {
        let temporary = try TemporaryDatabase()
        try temporary.database.createUser(User(handle: "root", name: "Root", email: "r@example.com", role: .admin), by: nil)
        #expect(throws: DomainError.self) {
            try temporary.database.createUser(User(handle: "eve", name: "Eve", email: "e@example.com", role: .admin), by: nil)
        }
    }
}
