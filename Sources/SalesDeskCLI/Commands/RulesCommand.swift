import ArgumentParser
import Foundation
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// `salesdesk rules …`: automation rules in plain words — list, show, add, edit, enable, pause, dry-run, why, runs, export.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Automation rules: when something happens, if conditions hold, then do things.",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Enable.self, Pause.self, DryRun.self, Why.self, Runs.self, Export.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules with their state, version, last firing and failures.")
        @OptionGroup var options: DeskOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabaseForReading()
                let rows = try database.ruleListRows(now: DeskClock.now())
                if json { return try JSONOutput.print(rows.map(RuleListJSON.init)) }
                print(TextTable(headers: ["RULE", "STATE", "VERSION", "LAST FIRED", "7 DAYS", "FAILURES"], rows: rows.map { row in
                    [row.name + (row.isBuiltIn ? " (built in)" : ""), row.state.label, "v\(row.version)",
                     row.lastFiredAt.map(RuleOutput.instant) ?? "never", Sparkline(row.firingsLast7Days.map(Double.init)).line(width: 7), String(row.failures)]
                }).render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a rule in its own words, with its version and author.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The rule's name.") var name: String
        @Flag(help: "Draw the rule as a flow: trigger, conditions, actions.") var flow = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabaseForReading()
                let rule = try database.rule(named: name)
                if json { return try JSONOutput.print(RuleJSON(rule)) }
                if flow { return print(RuleOutput.flow(try database.ruleParser.parse(rule.text), width: 80)) }
                print(RuleOutput.clean("# \(rule.state.label), v\(rule.version) by \(rule.authorHandle)\(rule.pausedReason.map { " — paused: \($0)" } ?? "")"))
                print(RuleOutput.clean(rule.text))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a rule from a file, as a draft (managers and admins).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "A file holding the rule text.") var file: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabase()
                let rule = try database.addRule(text: try RuleFile.read(file), by: try options.currentUser(in: database))
                if json { return try JSONOutput.print(RuleJSON(rule)) }
                print(RuleOutput.clean("Added \"\(rule.name)\" as a draft (v\(rule.version)). Try it: salesdesk rules dry-run \"\(rule.name)\"; switch it on: salesdesk rules enable \"\(rule.name)\""))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Edit a rule in $VISUAL / $EDITOR (or from --file); a valid text is saved as the next version, an invalid one is not saved.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The rule's name.") var name: String
        @Option(help: "Take the new text from this file instead of opening the editor.") var file: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabase()
                let user = try options.currentUser(in: database)
                let current = try database.rule(named: name)
                let text = try file.map(RuleFile.read) ?? RuleFile.editInEditor(current.text)
                let saved = try database.editRule(named: current.name, text: text, by: user)
                if json { return try JSONOutput.print(RuleJSON(saved)) }
                print(RuleOutput.clean(saved.version == current.version ? "No change to \"\(saved.name)\"." : "Saved \"\(saved.name)\" as v\(saved.version)."))
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Switch a rule on (managers and admins).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The rule's name.") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws { try RuleOutput.setState(.active, name: name, options: options, json: json) }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pause a rule (managers and admins).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The rule's name.") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws { try RuleOutput.setState(.paused, name: name, options: options, json: json) }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every rule to its own .rule file in a folder (default: the current one); existing files are never replaced.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The folder to write into.") var directory: String = "."
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let rules = try options.openDatabaseForReading().rules()
                let written = try RuleFile.export(rules, into: directory)
                if json { return try JSONOutput.print(written) }
                print(RuleOutput.clean("Wrote \(written.count) rule file\(written.count == 1 ? "" : "s") to \(directory)."))
            }
        }
    }
}
