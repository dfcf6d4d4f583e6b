import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Writing rules on the Workflows screen in $EDITOR")
struct WorkflowsEditingTests {
    /// An `$EDITOR` that is a real small script: its Nth run replaces the file it is given with the Nth of `texts`
    /// (or, for a text starting with `sed:`, runs that sed expression on the file).
    final class ScriptedEditor {
        let folder: TemporaryFolder

        init(_ texts: [String]) throws {
            folder = try TemporaryFolder()
            for (index, text) in texts.enumerated() {
                _ = try folder.file(Array(text.utf8), named: "\(index + 1).rule")
            }
            _ = try folder.file(Array("""
                #!/bin/sh
                n=$(( $(cat "\(folder.path("runs"))" 2>/dev/null || echo 0) + 1 ))
                echo "$n" > "\(folder.path("runs"))"
                next="\(folder.url.path)/$n.rule"
                case "$(head -c 4 "$next")" in
                  sed:) sed -i "$(tail -c +5 "$next")" "$1" ;;
                  *) cp "$next" "$1" ;;
                esac

                """.utf8), named: "editor.sh")
        }

        var environment: [String: String] { ["EDITOR": "sh \(folder.path("editor.sh"))"] }
    }

    static let misspelt = RuleSamples.bigDemoRecap.replacingOccurrences(of: "\"Demo Given\"", with: "\"Demo Givn\"")

    func workflows(_ harness: DeskHarness) throws -> WorkflowsScreen { try #require(harness.state.screen(WorkflowsScreen.self)) }

    @Test("a manager writes the issue's rule: a mistake is shown at its line and column and nothing is saved; fixed, it is saved as a draft, selected, dry-run and switched on")
    func newRuleWithAMistakeThenFixed() throws {
        let editor = try ScriptedEditor([Self.misspelt, RuleSamples.bigDemoRecap])
        let harness = try DeskHarness(user: \.manager, editor: editor.environment)
        let rulesBefore = try harness.desk.count("automation_rule")
        harness.press(.character("8"), .character("n"))
        #expect(harness.screen.contains("Nothing was saved: the rule does not read right."))
        #expect(harness.screen.contains("line 2, column 28"))
        #expect(harness.screen.contains("(did you mean \"Demo Given\"?)"))
        #expect(try harness.desk.count("automation_rule") == rulesBefore, "an invalid rule is never saved")
        harness.press(.character("e"))
        #expect(try harness.desk.count("automation_rule") == rulesBefore + 1)
        let saved = try harness.desk.database.rule(named: "Recap after a big demo")
        #expect(saved.state == .draft && saved.version == 1 && saved.authorHandle == harness.desk.manager.handle)
        #expect(try workflows(harness).rules.selectedRow?.rule.name == "Recap after a big demo", "the new rule is selected")
        #expect(harness.said.contains("Saved “Recap after a big demo” as a draft"))
        #expect(harness.screen.contains("─ When ─"), "and drawn as a flow")
        harness.press(.character("d"))
        #expect(harness.said.contains("Dry run of “Recap after a big demo” over the last 30 days"))
        harness.dismiss()
        harness.press(.character("e"))
        #expect(try harness.desk.database.rule(named: "Recap after a big demo").state == .active)
    }

    @Test("Esc throws an invalid draft away and saves nothing")
    func escapeDiscardsTheDraft() throws {
        let editor = try ScriptedEditor([Self.misspelt])
        let harness = try DeskHarness(user: \.manager, editor: editor.environment)
        let before = try harness.desk.count("automation_rule")
        harness.press(.character("8"), .character("n"))
        #expect(harness.screen.contains("line 2, column 28"))
        harness.press(.escape)
        #expect(!harness.screen.contains("line 2, column 28"))
        #expect(harness.said == "The draft was thrown away; nothing was saved.")
        #expect(try harness.desk.count("automation_rule") == before)
    }

    @Test("changing a rule in the editor saves its next version and keeps its state; closing the editor without a change saves nothing")
    func changeARule() throws {
        let editor = try ScriptedEditor(["sed:s/won {lead.name}/closed {lead.name}/", "sed:s/nothing-to-change//"])
        let harness = try DeskHarness(user: \.manager, editor: editor.environment)
        harness.press(.character("8"))
        #expect(try workflows(harness).rules.selectedRow?.rule.name == "Celebrate a win")
        harness.press(.character("c"))
        let changed = try harness.desk.database.rule(named: "Celebrate a win")
        #expect(changed.version == 2 && changed.state == .active)
        #expect(changed.text.contains("closed {lead.name}"))
        #expect(harness.said == "Saved “Celebrate a win” (version 2, active).")
        harness.press(.character("c"))
        #expect(try harness.desk.database.rule(named: "Celebrate a win").version == 2)
        #expect(harness.said == "Nothing was saved: the rule was not changed.")
    }

    @Test("a new rule left as the template saves nothing")
    func untouchedTemplate() throws {
        let editor = try ScriptedEditor(["sed:s/nothing-to-change//"])
        let harness = try DeskHarness(user: \.manager, editor: editor.environment)
        let before = try harness.desk.count("automation_rule")
        harness.press(.character("8"), .character("n"))
        #expect(try harness.desk.count("automation_rule") == before)
        #expect(harness.said == "Nothing was saved: the rule was not changed.")
    }

    @Test("a rep is offered neither new nor change, and n runs no editor")
    func repCannotWrite() throws {
        let editor = try ScriptedEditor([RuleSamples.bigDemoRecap])
        let harness = try DeskHarness(editor: editor.environment)
        harness.press(.character("8"))
        let names = CommandTable(state: harness.state).commandNames
        #expect(!names.contains("new-rule") && !names.contains("edit"))
        let before = try harness.desk.count("automation_rule")
        harness.press(.character("n"), .character("c"))
        #expect(try harness.desk.count("automation_rule") == before)
        #expect(!FileManager.default.fileExists(atPath: editor.folder.path("runs")), "the editor never ran")
    }
}
