import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Deactivating a user")
struct UserLifecycleTests {
    @Test("a manager deactivates a rep and hands over her open work in one action, keeping her history")
    func deactivateAndReassign() throws {
        let desk = try DeskFixture()
        let open = try desk.lead("Open Deal")
        let lost = try desk.lead("Lost Deal")
        try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call", dueAt: desk.clock.date, record: .lead(open.id!)), by: desk.rep)
        let moved = try desk.database.deactivateUser(desk.rep.id!, reassignTo: desk.otherRep.id!, by: desk.manager)
        #expect(moved == OpenWork(leads: 1, followUps: 1, tickets: 0))
        #expect(try desk.database.lead(open.id!)?.ownerID == desk.otherRep.id)
        #expect(try desk.database.lead(lost.id!)?.ownerID == desk.rep.id, "closed deals keep their owner for the reports")
        #expect(try desk.database.openWork(of: desk.rep.id!).isEmpty)
        #expect(try desk.database.user(handle: "ana")?.isActive == false)
        #expect(try desk.database.history(of: .lead(open.id!)).last?.action == "reassign")
        #expect(try desk.database.history(of: .user(desk.rep.id!)).last?.action == "deactivate")
        #expect(try desk.database.verifyAuditChain().isIntact)
    }

    @Test("a support rep's open tickets go to another support rep, never to a sales rep")
    func ticketsGoToSupport() throws {
        let desk = try DeskFixture()
        let colleague = try desk.database.createUser(User(handle: "lena", name: "Lena Ortiz", email: "lena@example.com", role: .support,
                                                          teamID: desk.support.teamID), by: desk.admin)
        let ticket = try desk.database.createTicket(NewTicket(subject: "Help"), by: desk.support)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.manager)
        #expect(throws: DomainError.self) { try desk.database.deactivateUser(desk.support.id!, reassignTo: desk.rep.id!, by: desk.manager) }
        #expect(try desk.database.user(handle: "fatima")?.isActive == true)
        let moved = try desk.database.deactivateUser(desk.support.id!, reassignTo: colleague.id!, by: desk.manager)
        #expect(moved.tickets == 1)
        #expect(try desk.database.ticket(ticket.id!)?.assigneeID == colleague.id)
    }

    @Test("deactivating someone with open work and no successor is refused and changes nothing")
    func needsSuccessor() throws {
        let desk = try DeskFixture()
        try desk.lead()
        let error = #expect(throws: DomainError.self) {
            try desk.database.deactivateUser(desk.rep.id!, reassignTo: nil, by: desk.manager)
        }
        #expect(error?.description.contains("1 open leads") == true)
        #expect(try desk.database.user(handle: "ana")?.isActive == true)
    }
}
