import ArgumentParser
import Foundation
import SalesDeskCLI
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Every verb of the command line, given arguments it cannot accept, prints a usage message and exits
/// non-zero without touching the database. A new verb without a row here fails `everyVerbIsCovered`.
@Suite("Every CLI verb refuses invalid arguments", .serialized)
struct InvalidArgumentTests {
    static let invalid: [String: [String]] = [
        "open": ["open", "--theme"],
        "demo": ["demo", "--seed", "minus-one"],
        "agenda": ["agenda", "--limit", "ten"],
        "lead add": ["lead", "add", "--email", "jo@example.com"],
        "lead list": ["lead", "list", "--min-score", "high"],
        "lead show": ["lead", "show", "not-a-number"],
        "lead move": ["lead", "move", "1"],
        "lead assign": ["lead", "assign", "1"],
        "lead edit": ["lead", "edit", "not-a-number"],
        "lead forecast": ["lead", "forecast", "not-a-number"],
        "report": ["report", "no-such-report"],
        "quota set": ["quota", "set", "--period", "decade"],
        "quota list": ["quota", "list", "--period", "decade"],
        "ticket add": ["ticket", "add", "--priority", "high"],
        "ticket list": ["ticket", "list", "--limit", "lots"],
        "ticket show": ["ticket", "show"],
        "ticket move": ["ticket", "move", "T-000001"],
        "ticket assign": ["ticket", "assign", "T-000001"],
        "ticket comment": ["ticket", "comment", "T-000001"],
        "followup add": ["followup", "add", "--subject", "Call"],
        "followup list": ["followup", "list", "--limit", "many"],
        "followup done": ["followup", "done", "abc"],
        "followup reschedule": ["followup", "reschedule", "1", "tomorrow"],
        "users add": ["users", "add", "newbie"],
        "users list": ["users", "list", "--colour"],
        "users deactivate": ["users", "deactivate"],
        "users reactivate": ["users", "reactivate"],
        "db path": ["db", "path", "--verbose"],
        "db migrate": ["db", "migrate", "now"],
        "db check": ["db", "check", "twice"],
        "audit verify": ["audit", "verify", "--fast"],
        "audit log": ["audit", "log", "--record", "lead"],
        "audit anchor": ["audit", "anchor", "--append"],
        "backup": ["backup"],
        "restore": ["restore"],
        "scheduler run": ["scheduler", "run", "--once", "--twice"],
        "scheduler status": ["scheduler", "status", "--colour"],
        "import": ["import", "leads.csv", "--on-duplicate", "sometimes"],
        "export": ["export", "contacts"],
        "contact merge": ["contact", "merge", "1"],
        "contact show": ["contact", "show", "not-a-number"],
        "rules list": ["rules", "list", "--colour"],
        "rules show": ["rules", "show"],
        "rules add": ["rules", "add"],
        "rules edit": ["rules", "edit"],
        "rules enable": ["rules", "enable"],
        "rules pause": ["rules", "pause"],
        "rules dry-run": ["rules", "dry-run", "Celebrate a win", "--days", "many"],
        "rules why": ["rules", "why", "Celebrate a win"],
        "rules runs": ["rules", "runs", "--limit", "all"],
        "rules export": ["rules", "export", "here", "there"],
        "digest set": ["digest", "set", "--daily"],
    ]

    /// Every leaf verb, as its words (`lead add`), found by walking the command tree.
    static func verbs(of command: any ParsableCommand.Type = SalesDeskCommand.self, prefix: [String] = []) -> [String] {
        let children = command.configuration.subcommands
        if children.isEmpty { return [prefix.joined(separator: " ")] }
        return children.flatMap { verbs(of: $0, prefix: prefix + [$0._commandName]) }
    }

    @Test("every verb has an invalid-arguments case here")
    func everyVerbIsCovered() {
        let missing = Set(Self.verbs()).subtracting(Self.invalid.keys)
        #expect(missing.isEmpty, "add invalid-argument cases for: \(missing.sorted())")
    }

    @Test("an invalid invocation prints usage and exits non-zero, changing nothing", arguments: invalid.keys.sorted())
    func refusesWithUsage(verb: String) throws {
        let temporary = try TemporaryDatabase()
        let environment = ["SALESDESK_DB": temporary.path, "XDG_CONFIG_HOME": temporary.directory.path, "SALESDESK_USER": "nobody"]
        let before = try Data(contentsOf: URL(fileURLWithPath: temporary.path))
        let result = try BuiltBinary.run(Self.invalid[verb]!, environment: environment)
        #expect(result.status != 0, "\(verb) exited 0")
        #expect(result.stderr.contains("Usage: salesdesk"), "\(verb) printed no usage: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path)) == before)
    }
}
