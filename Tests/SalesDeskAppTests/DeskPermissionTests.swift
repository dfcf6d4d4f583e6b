import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Permissions in the desk")
struct DeskPermissionTests {
    @Test("a rep who tries to assign a ticket is told she may not, and the ticket is unchanged")
    func repCannotTriage() throws {
        let harness = try DeskHarness()
        harness.press(.character("3"))
        harness.press(.character("a"))
        harness.type("fatima")
        harness.press(.enter)
        #expect(harness.screen.contains("Not permitted: ana (Sales rep) may not assign tickets"), "\(harness.screen)")
        #expect(try harness.desk.database.ticket(1)?.assigneeID == nil)
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
