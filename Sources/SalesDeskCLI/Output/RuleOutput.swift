import ArgumentParser
import Foundation
import SalesDeskApp
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Printing for `salesdesk rules`: sanitised text, instants, trials with ✓ / ✗, and errors that say where.
enum RuleOutput {
    /// Text made safe for the terminal (rule names and messages are typed by people).
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.sanitize(String($0)) }.joined(separator: "\n")
    }

    static func instant(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + " UTC"
    }

    /// A trial as lines: the record and trigger, each condition ✓ / ✗ with the record's value, the plans.
    static func lines(_ trial: RuleTrial) -> String {
        clean(trial.textLines(instant: instant).joined(separator: "\n"))
    }

    /// The rule drawn as boxes and arrows, as text `width` columns wide.
    static func flow(_ rule: Rule, width: Int) -> String {
        let diagram = RuleFlow(rule).diagram
        var grid = Grid(width: width, height: diagram.height(width: width))
        diagram.render(into: &grid, area: grid.bounds, style: .plain)
        return grid.text
    }

    /// A rule from a file path (if one exists there) or else a stored rule's name.
    static func rule(_ fileOrName: String, in database: AppDatabase) throws -> Rule {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: fileOrName, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try database.ruleParser.parse(try RuleFile.read(fileOrName))
        }
        return try database.ruleParser.parse(try database.rule(named: fileOrName).text)
    }

    /// `42`, `lead:42`, `lead 42`, `T-000042`, `ticket:42`, `follow-up:42`, `account:42`.
    static func record(_ text: String) throws -> RecordReference {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed), id > 0 { return .lead(id) }
        if trimmed.uppercased().hasPrefix("T-"), let id = Int64(trimmed.dropFirst(2)), id > 0 { return .ticket(id) }
        let parts = trimmed.split(whereSeparator: { $0 == ":" || $0 == " " }).map(String.init)
        if parts.count == 2, let id = Int64(parts[1]), id > 0 {
            switch parts[0].lowercased() {
            case "lead": return .lead(id)
            case "ticket": return .ticket(id)
            case "follow-up", "followup", "activity": return .activity(id)
            case "account": return .account(id)
            default: break
            }
        }
        throw ValidationError(clean("'\(trimmed)' is not a record: write a lead number (42), lead:42, T-000042, follow-up:42 or account:42."))
    }

    static func setState(_ state: RuleState, name: String, options: DeskOptions, json: Bool) throws {
        try reporting {
            let database = try options.openDatabase()
            let rule = try database.setRuleState(named: name, to: state, by: try options.currentUser(in: database))
            if json { return try JSONOutput.print(RuleJSON(rule)) }
            print(clean("\"\(rule.name)\" is \(rule.state.label.lowercased()) (v\(rule.version))."))
        }
    }

    /// Runs `body`, turning rule errors into one clean line (`rule.txt: line 3, column 12: …`).
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as RuleParseError {
            throw RuleCommandError(message: clean("the rule does not read right: \(error.description). Nothing was saved."))
        } catch let error as DomainError {
            throw RuleCommandError(message: clean(error.description))
        } catch let error as RuleFile.Problem {
            throw RuleCommandError(message: clean(error.description))
        }
    }
}

/// A `rules` failure, already sanitised, printed as one line.
struct RuleCommandError: Error, CustomStringConvertible, LocalizedError {
    var message: String
    var description: String { message }
    var errorDescription: String? { message }
}
