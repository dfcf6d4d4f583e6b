import Foundation
import SalesDeskAutomation
import SalesDeskStore

/// `rules show --json`, `add`, `edit`, `enable`, `pause`.
struct RuleJSON: Encodable {
    var name: String
    var state: String
    var version: Int
    var author: String
    var isDefault: Bool
    var pausedBecause: String?
    var text: String
    var textSHA256: String

    init(_ rule: StoredRule) {
        name = rule.name
        state = rule.state.label.lowercased()
        version = rule.version
        author = rule.authorHandle
        isDefault = rule.isDefault
        pausedBecause = rule.pausedReason
        text = rule.text
        textSHA256 = rule.textHash
    }

    enum CodingKeys: String, CodingKey {
        case name, state, version, author, text
        case isDefault = "shipped_default"
        case pausedBecause = "paused_because"
        case textSHA256 = "text_sha256"
    }
}

/// `rules list --json`.
struct RuleListJSON: Encodable {
    var name: String
    var state: String
    var version: Int
    var builtIn: Bool
    var lastFired: Date?
    var firingsLast7Days: [Int]
    var failures: Int

    init(_ row: RuleListRow) {
        name = row.name
        state = row.state.label.lowercased()
        version = row.version
        builtIn = row.isBuiltIn
        lastFired = row.lastFiredAt
        firingsLast7Days = row.firingsLast7Days
        failures = row.failures
    }

    enum CodingKeys: String, CodingKey {
        case name, state, version, failures
        case builtIn = "built_in"
        case lastFired = "last_fired"
        case firingsLast7Days = "firings_last_7_days"
    }
}

/// One condition term in `why` / `dry-run` JSON.
struct CheckJSON: Encodable {
    var condition: String
    var holds: Bool
    var value: String?
}

/// `rules why --json`, and each record of `dry-run --json`.
struct TrialJSON: Encodable {
    var record: String
    var at: Date?
    var trigger: String
    var triggered: Bool
    var conditions: [CheckJSON]
    var wouldFire: Bool
    var plannedActions: [String]

    init(_ trial: RuleTrial) {
        record = trial.record
        at = trial.at
        trigger = trial.trigger
        triggered = trial.triggered
        conditions = trial.checks.map { CheckJSON(condition: $0.term, holds: $0.passed, value: $0.actual) }
        wouldFire = trial.fires
        plannedActions = trial.plans
    }

    enum CodingKeys: String, CodingKey {
        case record, at, trigger, triggered, conditions
        case wouldFire = "would_fire"
        case plannedActions = "planned_actions"
    }
}

/// `rules dry-run --json`.
struct DryRunJSON: Encodable {
    var rule: String
    var from: Date
    var to: Date
    var triggered: Int
    var wouldFire: Int
    var plannedActions: [String: Int]
    var records: [TrialJSON]

    init(_ report: DryRunReport) {
        rule = report.rule
        from = report.from
        to = report.to
        triggered = report.considered
        wouldFire = report.wouldFire
        plannedActions = report.plannedActions
        records = report.trials.map(TrialJSON.init)
    }

    enum CodingKeys: String, CodingKey {
        case rule, from, to, triggered, records
        case wouldFire = "would_fire"
        case plannedActions = "planned_actions"
    }
}

/// `rules runs --json`.
struct RunJSON: Encodable {
    var run: Int64
    var rule: String
    var version: Int
    var at: Date
    var result: String
    var record: String?
    var cause: String
    var causedByRun: Int64?
    var chainDepth: Int
    var actions: [String]
    var error: String?
    var attempts: Int
    var causedEvents: [Int64]

    init(_ run: RuleRun) {
        self.run = run.id
        rule = run.rule
        version = run.version
        at = run.at
        result = run.outcome
        record = run.record
        cause = run.cause
        causedByRun = run.causeRunID
        chainDepth = run.depth
        actions = run.actions
        error = run.error
        attempts = run.attempts
        causedEvents = run.causedEvents
    }

    enum CodingKeys: String, CodingKey {
        case run, rule, version, at, result, record, cause, actions, error, attempts
        case causedByRun = "caused_by_run"
        case chainDepth = "chain_depth"
        case causedEvents = "caused_events"
    }
}
