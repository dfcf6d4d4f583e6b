import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("The Workflows screen")
struct WorkflowsScreenTests {
    @Test("a manager sees the rules drawn as a flow, dry-runs one (nothing changes) and pauses and enables it")
    func managerWorksRules() throws {
        let harness = try DeskHarness(user: \.manager)
        harness.press(.character("8"))
        #expect(harness.state.current == .workflows)
        let first = try #require(harness.state.screen(WorkflowsScreen.self)?.rules.rows.first?.rule)
        #expect(harness.screen.contains(first.name))
        #expect(harness.screen.contains("─ When ─"), "the selected rule is drawn as a flow")
        let before = try harness.desk.count("audit_entry")
        harness.press(.character("d"))
        #expect(harness.said.contains("Dry run of “\(first.name)”"))
        #expect(harness.said.contains("Nothing was changed"))
        #expect(try harness.desk.count("audit_entry") == before, "a dry run writes nothing")
        harness.dismiss()
        harness.press(.character("p"))
        #expect(harness.said.contains("is paused"))
        #expect(harness.state.screen(WorkflowsScreen.self)?.rules.rows.first?.rule.state == .paused)
        harness.press(.character("e"))
        #expect(harness.state.screen(WorkflowsScreen.self)?.rules.rows.first?.rule.state == .active)
    }

    @Test("a rep may read the rules but is not offered enable or pause")
    func repReadsOnly() throws {
        let harness = try DeskHarness()
        harness.press(.character("8"))
        let names = CommandTable(state: harness.state).commandNames
        #expect(names.contains("dry-run") && !names.contains("enable") && !names.contains("pause"))
    }
}
