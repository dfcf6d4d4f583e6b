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

    @Test("the desk's dry run shows, for every record, what happened, each condition ✓ or ✗ with the record's value, and the plans")
    func dryRunExplainsEachRecord() throws {
        let harness = try DeskHarness(user: \.manager) { desk in
            try DeskHarness.standardSeed(desk)
            let big = try desk.lead("Big Buyer", company: "Big Co", value: 5_000_000)
            let small = try desk.lead("Small Buyer", company: "Small Co", value: 100)
            for lead in [big, small] { _ = try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep) }
            _ = try desk.database.addRule(text: """
                rule "Big first contacts"
                when lead stage changes to "First Contact"
                if value >= 10000
                then notify manager "{lead.name} was contacted"
                """, by: desk.manager)
        }
        harness.press(.character("8"))
        let rows = try #require(harness.state.screen(WorkflowsScreen.self)?.rules.rows)
        let index = try #require(rows.firstIndex { $0.rule.name == "Big first contacts" })
        harness.press(.home)
        for _ in 0..<index { harness.press(.down) }
        harness.press(.character("d"))
        let said = harness.said
        #expect(said.contains("it would have fired 1 time"))
        #expect(said.contains("Big Co"))
        #expect(said.contains("✓ value >= 10000 (is 50000)"))
        #expect(said.contains("Small Co"))
        #expect(said.contains("✗ value >= 10000 (is 1)"))
        #expect(said.contains("→ notify manager"))
    }

    @Test("a rep may read the rules but is not offered enable or pause")
    func repReadsOnly() throws {
        let harness = try DeskHarness()
        harness.press(.character("8"))
        let names = CommandTable(state: harness.state).commandNames
        #expect(names.contains("dry-run") && !names.contains("enable") && !names.contains("pause"))
    }
}
