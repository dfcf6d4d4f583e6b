import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// A moment in history when a rule's trigger would have fired for a record.
struct HistoricalTrigger {
    var kind: RecordKind
    var recordID: Int64
    var at: Date
    /// `stage changed from Connected to Demo Given`, `has been in its stage for 5 days`.
    var what: String
}

/// Finds, read-only, when a trigger would have fired between two instants: from the audit log (stage and status
/// moves, field changes, completions), from the records themselves where the log has no entry (a lead's current
/// stage entered in the window, creations), and by time arithmetic for time triggers.
struct RuleHistory {
    let configuration: DeskConfiguration
    let clock: RuleClock

    func triggers(_ trigger: Trigger, from start: Date, to end: Date, _ db: Database) throws -> [HistoricalTrigger] {
        let pipeline = configuration.pipeline
        switch trigger {
        case .created(let kind):
            if kind == .lead {
                return try Row.fetchAll(db, sql: "SELECT id, created_at FROM lead WHERE created_at > ? AND created_at <= ? ORDER BY created_at",
                                        arguments: [start.epochSeconds, end.epochSeconds]).map { HistoricalTrigger(kind: .lead, recordID: $0[0], at: Date(epochSeconds: $0[1]), what: "created") }
            }
            return try audit(db, kind: kind, where: "action = 'create'", start, end) { _ in "created" }
        case .fieldChanges(.lead, .stage, let from, let to):
            var found = try audit(db, kind: .lead, where: "field = 'stage'", start, end, filter: { row in
                Trigger.names(from, row["before"]) && Trigger.names(to, row["after"]) && row["before"] as String? != row["after"] as String?
            }) { "stage changed from \($0["before"] as String? ?? "—") to \($0["after"] as String? ?? "—")" }
            let seen = Set(found.map { "\($0.recordID):\($0.at.epochSeconds)" })
            let stages = pipeline.allKeys.filter { Trigger.names(to, pipeline.name(of: $0)) }
            for stage in stages {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, stage_entered_at FROM lead WHERE stage = ? AND last_touched_at > ? AND stage_entered_at > ? AND stage_entered_at <= ?
                    """, arguments: [stage.rawValue, start.epochSeconds, start.epochSeconds, end.epochSeconds])
                for row in rows where !seen.contains("\(row[0] as Int64):\(row[1] as Int64)") && from == nil {
                    found.append(HistoricalTrigger(kind: .lead, recordID: row[0], at: Date(epochSeconds: row[1]), what: "entered \(pipeline.name(of: stage))"))
                }
            }
            return found.sorted { $0.at < $1.at }
        case .fieldChanges(let kind, let field, let from, let to):
            return try audit(db, kind: kind, where: "field = '\(field.rawValue)'", start, end, filter: { row in
                Trigger.names(from, row["before"]) && Trigger.names(to, row["after"]) && row["before"] as String? != row["after"] as String?
            }) { "\(field.rawValue) changed from \($0["before"] as String? ?? "—") to \($0["after"] as String? ?? "—")" }
        case .scoreCrosses(let threshold):
            return try audit(db, kind: .lead, where: "field = 'score'", start, end, filter: { row in
                let before = (row["before"] as String?).flatMap(Double.init) ?? -1
                let after = (row["after"] as String?).flatMap(Double.init) ?? -1
                return before < Double(threshold) && after >= Double(threshold)
            }) { "score rose from \($0["before"] as String? ?? "—") to \($0["after"] as String? ?? "—")" }
        case .followUpCompleted:
            return try Row.fetchAll(db, sql: """
                SELECT id, completed_at FROM activity WHERE state = 'done' AND completed_at > ? AND completed_at <= ? ORDER BY completed_at
                """, arguments: [start.epochSeconds, end.epochSeconds]).map {
                HistoricalTrigger(kind: .followUp, recordID: $0[0], at: Date(epochSeconds: $0[1]), what: "completed")
            }
        case .ticketSLA(let state):
            let kind = state == .atRisk ? "sla_warning" : "sla_breach"
            return try Row.fetchAll(db, sql: """
                SELECT record_id, due_at FROM scheduled_job WHERE kind = ? AND record_kind = 'ticket' AND due_at > ? AND due_at <= ? AND done_at IS NOT NULL
                """, arguments: [kind, start.epochSeconds, end.epochSeconds]).map {
                HistoricalTrigger(kind: .ticket, recordID: $0[0], at: Date(epochSeconds: $0[1]), what: "SLA \(state.rawValue)")
            }
        case .inStageFor(.lead, nil, let duration):
            var found: [HistoricalTrigger] = []
            for stage in pipeline.allKeys {
                let stallDays = pipeline.definition(of: stage)?.stallDays
                if case .stallThreshold = duration, stallDays == nil { continue }
                let low = clock.latestStart(reaching: start, after: duration, stallDays: stallDays)
                let high = clock.latestStart(reaching: end, after: duration, stallDays: stallDays)
                let rows = try Row.fetchAll(db, sql: "SELECT id, last_touched_at FROM lead WHERE stage = ? AND last_touched_at > ? AND last_touched_at <= ?",
                                            arguments: [stage.rawValue, low.epochSeconds, high.epochSeconds])
                found += rows.map { row in
                    HistoricalTrigger(kind: .lead, recordID: row[0], at: clock.instant(after: duration, from: Date(epochSeconds: row[1]), stallDays: stallDays),
                                      what: "in \(pipeline.name(of: stage)) for \(RulePrinter.describe(duration))")
                }
            }
            return found.sorted { $0.at < $1.at }
        case .inStageFor(.ticket, let status?, let duration):
            let key = TicketStatus.allCases.first { RuleVocabulary.matches(status.textValue, $0.label) }?.rawValue ?? status.textValue
            let low = clock.latestStart(reaching: start, after: duration, stallDays: nil)
            let high = clock.latestStart(reaching: end, after: duration, stallDays: nil)
            return try Row.fetchAll(db, sql: "SELECT id, created_at FROM ticket WHERE status = ? AND created_at > ? AND created_at <= ?",
                                    arguments: [key, low.epochSeconds, high.epochSeconds]).map { row in
                HistoricalTrigger(kind: .ticket, recordID: row[0], at: clock.instant(after: duration, from: Date(epochSeconds: row[1]), stallDays: nil),
                                  what: "in \(status.textValue) for \(RulePrinter.describe(duration))")
            }
        case .followUpOverdue(let duration):
            let low = clock.latestStart(reaching: start, after: duration, stallDays: nil)
            let high = clock.latestStart(reaching: end, after: duration, stallDays: nil)
            return try Row.fetchAll(db, sql: "SELECT id, due_at FROM activity WHERE state = 'planned' AND due_at > ? AND due_at <= ?",
                                    arguments: [low.epochSeconds, high.epochSeconds]).map { row in
                HistoricalTrigger(kind: .followUp, recordID: row[0], at: clock.instant(after: duration, from: Date(epochSeconds: row[1]), stallDays: nil),
                                  what: "overdue by \(RulePrinter.describe(duration))")
            }
        default:
            return []
        }
    }

    /// Audit entries of `kind` records in the window matching `clause`, newest state kept per entry.
    private func audit(_ db: Database, kind: RecordKind, where clause: String, _ start: Date, _ end: Date,
                       filter: (Row) -> Bool = { _ in true }, describe: (Row) -> String) throws -> [HistoricalTrigger] {
        try Row.fetchAll(db, sql: """
            SELECT record_id, at, before, after FROM audit_entry WHERE at > ? AND at <= ? AND record_kind = ? AND \(clause) ORDER BY id
            """, arguments: [start.epochSeconds, end.epochSeconds, kind.storedKind]).filter(filter).map { row in
            HistoricalTrigger(kind: kind, recordID: row["record_id"], at: Date(epochSeconds: row["at"]), what: describe(row))
        }
    }
}
