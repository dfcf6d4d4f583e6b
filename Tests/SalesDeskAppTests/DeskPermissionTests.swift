import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Permissions in the desk")
struct DeskPermissionTests {
    @Test("a rep is not offered the ticket keys she may not use: not in the footer, not in help, not on the : line")
    func repCannotTriage() throws {
        let harness = try DeskHarness()
        harness.press(.character("3"))
        #expect(!harness.screen.contains(" a assign"))
        harness.press(.character("a"))
        #expect(harness.state.modal == nil, "the key does nothing")
        harness.press(.character("?"))
        harness.type("assign")
        #expect(harness.screen.contains("No command matches 'assign'"))
        harness.press(.escape, .character(":"))
        harness.type("assign")
        harness.press(.enter)
        #expect(harness.form?.error?.contains("no command 'assign' on this screen") == true)
        #expect(try harness.desk.database.ticket(1)?.assigneeID == nil)
    }

    @Test("a read-only desk offers no key that writes")
    func readOnlyOffersNoWrites() throws {
        let harness = try DeskHarness()
        var session = harness.state.session
        session.readOnly = true
        let entries = LeadsScreen.entries(for: session).map(\.name)
        #expect(entries.contains("filter") && entries.contains("sort"))
        #expect(!entries.contains("move") && !entries.contains("new-lead") && !entries.contains("assign"))
    }

    @Test("a rep's board opens on her own deals and widens to her team, a manager's shows everyone")
    func boardScope() throws {
        let harness = try DeskHarness(seed: { desk in
            try DeskHarness.standardSeed(desk)
            let outsider = try desk.database.createUser(User(handle: "zoe", name: "Zoe Outside", email: "z@example.com", role: .rep), by: desk.admin)
            try desk.lead("Outside Deal", company: "Elsewhere Inc", owner: outsider)
            try desk.lead("Team Deal", company: "Nearby Ltd", owner: desk.otherRep)
        })
        harness.press(.character("5"))
        #expect(harness.screen.contains("Pipeline board · my deals"))
        #expect(!harness.screen.contains("Team Deal") && !harness.screen.contains("Outside Deal"))
        harness.press(.character("f"))
        #expect(harness.screen.contains("Pipeline board · my team"))
        #expect(harness.screen.contains("Team Deal"))
        #expect(!harness.screen.contains("Outside Deal"))
        let manager = try DeskHarness(user: \.manager)
        manager.press(.character("5"))
        #expect(manager.screen.contains("Pipeline board · everyone"))
    }
}
