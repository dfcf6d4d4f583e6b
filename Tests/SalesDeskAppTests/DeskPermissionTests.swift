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

    @Test("a rep's board opens on her own deals")
    func repBoardIsHers() throws {
        let harness = try DeskHarness()
        harness.press(.character("5"))
        #expect(harness.screen.contains("Pipeline board · my deals"))
        let manager = try DeskHarness(user: \.manager)
        manager.press(.character("5"))
        #expect(manager.screen.contains("Pipeline board · everyone"))
    }
}
