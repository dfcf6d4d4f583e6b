import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Lead writes")
struct LeadWriteTests {
    @Test("creating a lead makes a contact, an account, a scored Open lead and one audit entry each")
    func createLead() throws {
        let desk = try DeskFixture()
        let lead = try desk.database.createLead(NewLead(
            contactName: "  Jo Buyer ", email: "Jo@Example.com", phone: "(555) 010-2030", jobTitle: "CTO", company: "Acme Ltd",
            source: .websiteForm, ownerID: desk.rep.id!), by: desk.rep)
        #expect(lead.stage == .open)
        #expect(lead.score == LeadScoring().score(for: .init(source: .websiteForm, title: "CTO", hasEmail: true, hasPhone: true, hasCompany: true)))
        let detail = try desk.database.leadDetail(lead.id!)
        #expect(detail.contact.name == "Jo Buyer")
        #expect(detail.contact.phone == "+15550102030")
        #expect(detail.account?.name == "Acme Ltd")
        #expect(try desk.count("audit_entry", where: "record_kind = 'lead' AND action = 'create'") == 1)
        #expect(try desk.count("audit_entry", where: "record_kind = 'account' AND action = 'create'") == 1)
    }

    @Test("a second lead at the same company reuses its account, matched case-insensitively")
    func accountReuse() throws {
        let desk = try DeskFixture()
        let first = try desk.lead("Jo Buyer", company: "Acme Ltd")
        let second = try desk.lead("Sam Seller", company: "ACME LTD")
        #expect(first.accountID == second.accountID)
    }

    @Test("a failed write leaves no rows and no audit entries")
    func failedWriteLeavesNothing() throws {
        let desk = try DeskFixture()
        let auditBefore = try desk.count("audit_entry")
        #expect(throws: DomainError.self) {
            try desk.database.createLead(NewLead(contactName: "Jo", email: "not-an-email", ownerID: desk.rep.id!), by: desk.rep)
        }
        #expect(throws: DomainError.self) {
            try desk.database.createLead(NewLead(contactName: "Jo", company: "Ghost Co", ownerID: 9999), by: desk.rep)
        }
        #expect(try desk.count("audit_entry") == auditBefore)
        #expect(try desk.count("lead") == 0)
        #expect(try desk.count("contact") == 0)
        #expect(try desk.count("account") == 0)
    }

    @Test("moving to Lost without a reason is refused and changes nothing")
    func lostWithoutReason() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let audit = try desk.count("audit_entry")
        #expect(throws: DomainError.lostNeedsReason) { try desk.database.moveLead(lead.id!, to: .lost, by: desk.rep) }
        #expect(try desk.database.lead(lead.id!)?.stage == .open)
        #expect(try desk.count("audit_entry") == audit)
    }

    @Test("the database itself refuses a Lost lead without a reason")
    func lostReasonIsAConstraint() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        #expect(throws: DatabaseError.self) {
            try desk.database.writer.write { db in try db.execute(sql: "UPDATE lead SET stage = 'lost' WHERE id = ?", arguments: [lead.id]) }
        }
    }

    @Test("a lost lead keeps its reason, audits the move, and can be reactivated")
    func lostKeepsReason() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        desk.clock.advance(by: 3600)
        let lost = try desk.database.moveLead(lead.id!, to: .lost, reason: .other("Went dark"), by: desk.rep)
        #expect(lost.lossReason == .other("Went dark"))
        #expect(try desk.database.lead(lead.id!)?.lossReason == .other("Went dark"))
        let history = try desk.database.history(of: .lead(lead.id!))
        #expect(history.contains { $0.field == "stage" && $0.before == "Open" && $0.after == "Lost" && $0.userID == desk.rep.id })
        #expect(history.contains { $0.field == "loss_reason" && $0.after == "Other: Went dark" })
        let reactivated = try desk.database.moveLead(lead.id!, to: .connected, by: desk.rep)
        #expect(reactivated.stage == .connected)
        #expect(reactivated.stageEnteredAt == desk.clock.date)
    }

    @Test("winning converts the account to a customer, opens a handoff ticket and tells the team")
    func wonConverts() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead(company: "Globex")
        try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)
        let detail = try desk.database.leadDetail(lead.id!)
        #expect(detail.account?.status == .customer)
        let handoff = try desk.database.tickets(TicketQuery()).rows
        #expect(handoff.count == 1)
        #expect(handoff.first?.ticket.subject.hasPrefix("Onboard Globex") == true)
        #expect(handoff.first?.teamName == "Customer Success")
        #expect(try desk.count("notification", where: "kind = 'won'") == 3)
    }

    @Test("On Hold is only for Negotiation and leaving Negotiation clears it")
    func onHold() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        #expect(throws: DomainError.holdOnlyIn("Negotiation")) { try desk.database.setLeadOnHold(lead.id!, true, by: desk.rep) }
        try desk.database.moveLead(lead.id!, to: .negotiation, by: desk.rep)
        #expect(try desk.database.setLeadOnHold(lead.id!, true, by: desk.rep).isOnHold)
        #expect(try desk.database.moveLead(lead.id!, to: .integrationApproved, by: desk.rep).isOnHold == false)
    }

    @Test("assigning a lead moves its planned follow-ups and notifies the new owner")
    func assign() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Intro", dueAt: desk.clock.date.addingTimeInterval(3600), record: .lead(lead.id!)), by: desk.rep)
        try desk.database.assignLead(lead.id!, to: desk.otherRep.id!, by: desk.manager)
        #expect(try desk.count("activity", where: "owner_id = \(desk.otherRep.id!)") == 1)
        #expect(try desk.database.unreadCount(for: desk.otherRep, at: desk.clock.date) == 1)
        #expect(try desk.database.history(of: .lead(lead.id!)).contains { $0.field == "owner" && $0.before == "ana" && $0.after == "kenji" })
    }

    @Test("editing a lead audits only the fields that changed")
    func updateAuditsChanges() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.updateLead(lead.id!, LeadChanges(title: "Acme — 40 seats", value: lead.value), by: desk.rep)
        let updates = try desk.database.history(of: .lead(lead.id!)).filter { $0.action == "update" }
        #expect(updates.map(\.field) == ["title"])
    }
}
