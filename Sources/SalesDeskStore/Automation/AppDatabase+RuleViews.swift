import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// A row of the Workflows screen's rule list and of `salesdesk rules list`.
public struct RuleListRow: Equatable, Sendable {
    public var name: String
    public var state: RuleState
    public var version: Int
    public var isDefault: Bool
    /// Left to the built-in code (an unedited shipped default).
    public var isBuiltIn: Bool
    public var authorHandle: String
    public var lastFiredAt: Date?
    /// Firings on each of the last 7 days, oldest first (today last): the sparkline's values.
    public var firingsLast7Days: [Int]
    /// Failed firings (including those waiting for a retry).
    public var failures: Int
    /// Why the loop guard paused it, when it did.
    public var pausedReason: String?
}

/// One firing in the run log: what caused it, what it did, how it ended.
public struct RuleRun: Equatable, Sendable {
    public var id: Int64
    public var rule: String
    public var version: Int
    public var at: Date
    public var outcome: String
    /// `lead #7`, or nil for firings about no record.
    public var record: String?
    /// The event that caused it (`event #41: lead #7: stage changed from Connected to Demo Given`), or the instant reached.
    public var cause: String
    /// The run whose change caused this firing's event (the chain), if a rule's change did.
    public var causeRunID: Int64?
    public var depth: Int
    /// The actions performed (or planned, for a failure), one sentence each.
    public var actions: [String]
    public var error: String?
    public var attempts: Int
    /// Events this firing's writes appended (the next links of the chain).
    public var causedEvents: [Int64]
}

/// A rule with its parsed form and its latest runs: the Workflows screen's detail.
public struct RuleDetail: Sendable {
    public var rule: StoredRule
    /// The parsed rule (for the flow drawing); nil only if a stored text no longer parses with this desk's words.
    public var parsed: Rule?
    public var parseError: String?
    public var runs: [RuleRun]
}

extension AppDatabase {
    /// The rule list: state, version, last firing, 7-day firing counts and failures, by name.
    public func ruleListRows(now: Date) throws -> [RuleListRow] {
        let calendar = ruleClock(for: nil, now: now).businessHours.calendar
        let today = calendar.startOfDay(for: now)
        let start = calendar.date(byAdding: .day, value: -6, to: today) ?? today
        return try writer.read { db in
            try RuleRows.fetchAll(db).map { rule in
                let stats = try Row.fetchOne(db, sql: """
                    SELECT MAX(at) AS last, SUM(outcome IN ('failed', 'retrying')) AS failures FROM automation_run WHERE rule_id = ?
                    """, arguments: [rule.id])
                let times = try Int64.fetchAll(db, sql: "SELECT at FROM automation_run WHERE rule_id = ? AND at >= ? AND outcome = 'done'",
                                               arguments: [rule.id, start.epochSeconds])
                var days = Array(repeating: 0, count: 7)
                for time in times {
                    let day = calendar.dateComponents([.day], from: start, to: calendar.startOfDay(for: Date(epochSeconds: time))).day ?? -1
                    if (0..<7).contains(day) { days[day] += 1 }
                }
                return RuleListRow(
                    name: rule.name, state: rule.state, version: rule.version, isDefault: rule.isDefault, isBuiltIn: rule.isBuiltInBehaviour,
                    authorHandle: rule.authorHandle, lastFiredAt: (stats?["last"] as Int64?).map(Date.init(epochSeconds:)),
                    firingsLast7Days: days, failures: stats?["failures"] ?? 0, pausedReason: rule.pausedReason)
            }
        }
    }

    /// A rule, parsed, with its latest `runLimit` runs.
    public func ruleDetail(named name: String, runLimit: Int = 50) throws -> RuleDetail {
        let rule = try self.rule(named: name)
        var parsed: Rule?
        var parseError: String?
        do { parsed = try ruleParser.parse(rule.text) } catch { parseError = error.description }
        return RuleDetail(rule: rule, parsed: parsed, parseError: parseError, runs: try ruleRuns(named: rule.name, limit: runLimit))
    }

    /// The run log, newest first: one rule's or every rule's, optionally only failures.
    public func ruleRuns(named name: String? = nil, failedOnly: Bool = false, limit: Int = 100) throws -> [RuleRun] {
        let ruleID = try name.map { try rule(named: $0).id }
        return try writer.read { db in
            var clauses: [String] = []
            var arguments: [DatabaseValueConvertible?] = []
            if let ruleID { clauses.append("run.rule_id = ?"); arguments.append(ruleID) }
            if failedOnly { clauses.append("run.outcome IN ('failed', 'retrying', 'stopped')") }
            arguments.append(limit)
            let rows = try Row.fetchAll(db, sql: """
                SELECT run.*, r.name AS rule_name, e.kind AS event_kind, e.field AS event_field, e.before AS event_before, e.after AS event_after,
                       e.record_kind AS event_record_kind, e.record_id AS event_record_id,
                       CASE run.record_kind WHEN 'lead' THEN (SELECT title FROM lead WHERE id = run.record_id)
                            WHEN 'ticket' THEN (SELECT subject FROM ticket WHERE id = run.record_id)
                            WHEN 'activity' THEN (SELECT subject FROM activity WHERE id = run.record_id)
                            WHEN 'account' THEN (SELECT name FROM account WHERE id = run.record_id) END AS record_title
                FROM automation_run run JOIN automation_rule r ON r.id = run.rule_id
                LEFT JOIN automation_event e ON e.id = run.event_id
                \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
                ORDER BY run.id DESC LIMIT ?
                """, arguments: StatementArguments(arguments))
            return try rows.map { row in
                let id: Int64 = row["id"]
                let caused = try Int64.fetchAll(db, sql: "SELECT id FROM automation_event WHERE cause_run_id = ? ORDER BY id", arguments: [id])
                return RuleRun(
                    id: id, rule: row["rule_name"], version: row["version"], at: Date(epochSeconds: row["at"]), outcome: row["outcome"],
                    record: Self.recordText(row),
                    cause: Self.causeText(row), causeRunID: row["cause_run_id"], depth: row["depth"],
                    actions: (row["actions"] as String).split(separator: "\n").map(String.init), error: row["error"], attempts: row["attempts"],
                    causedEvents: caused)
            }
        }
    }

    /// `lead #7 Acme Ltd deal`: the kind, the number and the name a salesperson knows it by.
    private static func recordText(_ row: Row) -> String? {
        guard let kind = row["record_kind"] as String?, let id = row["record_id"] as Int64?, id != 0 else { return nil }
        let title = (row["record_title"] as String?).map { " " + $0 } ?? ""
        return "\(RecordKind(storedKind: kind)?.word ?? kind) #\(id)\(title)"
    }

    private static func causeText(_ row: Row) -> String {
        guard let eventID = row["event_id"] as Int64? else {
            let occurrence: String = row["occurrence"]
            let instant = occurrence.split(separator: ":").last.flatMap { Int64($0) }
            return instant.map { "time reached: \(ISO8601.instant(Date(epochSeconds: $0)))" } ?? occurrence
        }
        let kind = (row["event_record_kind"] as String?).flatMap(RecordKind.init(storedKind:))?.word ?? "record"
        let sameRecord = row["event_record_id"] as Int64? == row["record_id"] as Int64? && row["event_record_kind"] as String? == row["record_kind"] as String?
        let record = "\(kind) #\(row["event_record_id"] as Int64? ?? 0)" + (sameRecord ? (row["record_title"] as String?).map { " " + $0 } ?? "" : "")
        switch row["event_kind"] as String? {
        case "created": return "event #\(eventID): \(record) created"
        case "completed": return "event #\(eventID): \(record) completed"
        case "import_finished": return "event #\(eventID): an import finished"
        case "changed":
            return "event #\(eventID): \(record) \(row["event_field"] as String? ?? "field") changed from \(row["event_before"] as String? ?? "—") to \(row["event_after"] as String? ?? "—")"
        default: return "event #\(eventID)"
        }
    }
}
