import Testing
@testable import SalesDeskDomain

@Suite("The ticket flow")
struct TicketFlowTests {
    let flow = TicketFlow.standard
    let allowed: Set<String> = [
        "new>assigned", "assigned>in_process", "in_process>pending_at_customer", "pending_at_customer>in_process",
        "in_process>resolved", "resolved>deployed", "resolved>closed", "deployed>closed", "resolved>in_process",
        "deployed>in_process", "closed>in_process",
    ]

    @Test("exactly the diagram's transitions are allowed, every other one is refused")
    func everyTransition() {
        for from in TicketStatus.allCases {
            for to in TicketStatus.allCases {
                let key = "\(from.rawValue)>\(to.rawValue)"
                let result = Result { try flow.validateMove(from: from, to: to, hasAssignee: true, customerConfirmed: true) }
                if allowed.contains(key) {
                    #expect((try? result.get()) != nil, "\(key) should be allowed")
                } else {
                    #expect((try? result.get()) == nil, "\(key) should be refused")
                }
            }
        }
    }

    @Test("closing needs the customer's confirmation")
    func closeNeedsConfirmation() {
        #expect(throws: DomainError.closeNeedsCustomerConfirmation) {
            try flow.validateMove(from: .resolved, to: .closed, hasAssignee: true, customerConfirmed: false)
        }
    }

    @Test("Assigned needs an assignee")
    func assignedNeedsAssignee() {
        #expect(throws: DomainError.ticketNeedsAssignee) { try flow.validateMove(from: .new, to: .assigned, hasAssignee: false, customerConfirmed: false) }
    }

    @Test("a refused move names where the ticket can go")
    func refusalNamesAlternatives() {
        do {
            try flow.validateMove(from: .new, to: .closed, hasAssignee: true, customerConfirmed: true)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains("From New it can go to: Assigned"))
        }
    }

    @Test("categories route to the domain page's teams and priorities have first-response targets")
    func routing() {
        let routing = TicketRouting.standard
        #expect(routing.team(for: .syncIssue) == "Technical Integration")
        #expect(routing.team(for: .productBug) == "Development")
        #expect(routing.team(for: .featureRequest) == "Product")
        #expect(routing.team(for: .dataProblem) == "Data")
        #expect(routing.team(for: .general) == "Customer Success")
        #expect(routing.firstResponseTarget(for: .normal) == 120)
        #expect(routing.firstResponseTarget(for: .high) == 60)
        #expect(routing.firstResponseTarget(for: .critical) == 30)
    }

    @Test("ticket numbers format and parse")
    func numbers() {
        #expect(Ticket.number(for: 123) == "T-000123")
        #expect(Ticket.id(fromNumber: "t-000123") == 123)
        #expect(Ticket.id(fromNumber: "42") == 42)
        #expect(Ticket.id(fromNumber: "T-abc") == nil)
    }
}
