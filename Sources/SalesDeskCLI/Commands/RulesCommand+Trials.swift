import ArgumentParser
import Foundation
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskStore

extension RulesCommand {
    struct DryRun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dry-run",
            abstract: "Replay the last days of history against a rule (a file or a stored rule's name): plans only, nothing is changed.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "A rule file, or the name of a stored rule.") var fileOrName: String
        @Option(help: "How many days back to replay (1–366).") var days: Int = 30
        @Option(help: "Show at most this many records.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabaseForReading()
                let rule = try RuleOutput.rule(fileOrName, in: database)
                let report = try database.dryRun(rule, days: days, now: DeskClock.now(), limit: max(0, limit))
                if json { return try JSONOutput.print(DryRunJSON(report)) }
                print(RuleOutput.clean("Dry run of \"\(report.rule)\" over the last \(days) days (\(RuleOutput.instant(report.from)) – \(RuleOutput.instant(report.to))); nothing was changed."))
                for trial in report.trials { print(RuleOutput.lines(trial)) }
                if report.trials.count < report.considered { print("… and \(report.considered - report.trials.count) more") }
                print("Totals: triggered \(report.considered) times, would fire \(report.wouldFire) times.")
                for (action, count) in report.plannedActions.sorted(by: { $0.key < $1.key }) { print(RuleOutput.clean("  \(action): \(count)")) }
            }
        }
    }

    struct Why: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain whether and why a rule would fire now for one lead or ticket.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The rule's name.") var name: String
        @Argument(help: "The record: a lead number (42 or lead:42), a ticket (T-000042 or ticket:42), follow-up:N or account:N.") var record: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let database = try options.openDatabaseForReading()
                let stored = try database.rule(named: name)
                let rule = try database.ruleParser.parse(stored.text)
                let trial = try database.explain(rule, for: try RuleOutput.record(record), now: DeskClock.now())
                if json { return try JSONOutput.print(TrialJSON(trial)) }
                print(RuleOutput.clean("\"\(stored.name)\" \(trial.fires ? "would fire" : "would not fire") for \(trial.record) now."))
                print(RuleOutput.lines(trial))
            }
        }
    }

    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The run log: firings with their cause chain, actions, result and error.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Only this rule's runs.") var name: String?
        @Flag(help: "Only failed, retrying and stopped runs.") var failed = false
        @Option(help: "At most this many runs, newest first.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try RuleOutput.reporting {
                let runs = try options.openDatabaseForReading().ruleRuns(named: name, failedOnly: failed, limit: max(1, limit))
                if json { return try JSONOutput.print(runs.map(RunJSON.init)) }
                if runs.isEmpty { print(failed ? "No failed runs." : "No runs yet.") }
                for run in runs {
                    var lines = ["run #\(run.id)  \(RuleOutput.instant(run.at))  \(run.rule) v\(run.version)  \(run.outcome)"
                                 + (run.record.map { "  \($0)" } ?? "") + (run.attempts > 1 ? "  (\(run.attempts) attempts)" : "")]
                    lines.append("  cause: \(run.cause)" + (run.causeRunID.map { " ← run #\($0)" } ?? "") + (run.depth > 0 ? " (chain depth \(run.depth))" : ""))
                    lines += run.actions.map { "  → \($0)" }
                    if !run.causedEvents.isEmpty { lines.append("  caused events: " + run.causedEvents.map { "#\($0)" }.joined(separator: ", ")) }
                    if let error = run.error { lines.append("  error: \(error)") }
                    print(RuleOutput.clean(lines.joined(separator: "\n")))
                }
            }
        }
    }
}
