import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// One record in a dry run or a `why`: when and why the trigger fired, each condition, the plans.
public struct RuleTrial: Equatable, Sendable {
    public var record: String
    public var at: Date?
    /// What happened (`stage changed from Connected to Demo Given`), or why the trigger does not fire.
    public var trigger: String
    public var triggered: Bool
    public var checks: [ConditionCheck]
    public var fires: Bool
    /// Planned actions as sentences (nothing is done).
    public var plans: [String]
}

/// What a dry run found: every trigger in the window with its outcome, and totals.
public struct DryRunReport: Equatable, Sendable {
    public var rule: String
    public var from: Date
    public var to: Date
    /// Trigger moments found (each considered once).
    public var considered: Int
    public var wouldFire: Int
    /// Planned actions by kind of action (`notify manager: 12`).
    public var plannedActions: [String: Int]
    /// The first `limit` trials, oldest first.
    public var trials: [RuleTrial]
}

extension AppDatabase {
    /// Replays the last `days` days against `rule` with plans only. It runs in a read transaction, where a
    /// write is impossible: the file is left byte-identical.
    public func dryRun(_ rule: Rule, days: Int, now: Date, limit: Int = 200) throws -> DryRunReport {
        guard (1...366).contains(days) else { throw DomainError.invalidField(field: "days", reason: "must be between 1 and 366, not \(days)") }
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let subjects = RuleSubjects(configuration: configuration)
        return try writer.read { db in
            let history = RuleHistory(configuration: configuration, clock: ruleClock(for: nil, now: now))
            let moments = try history.triggers(rule.trigger, from: start, to: now, db)
            let actionKinds = rule.actions.map(Self.actionKind)
            var report = DryRunReport(rule: rule.name, from: start, to: now, considered: 0, wouldFire: 0, plannedActions: [:], trials: [])
            for (index, moment) in moments.enumerated() {
                if index % AutomationLimits.subjectBatch == 0 {
                    let ahead = moments[index..<min(index + AutomationLimits.subjectBatch, moments.count)]
                    try subjects.prefetch(db, ahead.lazy.map { ($0.kind, $0.recordID) })
                }
                let shown = report.trials.count < limit
                subjects.readsMergeValues = shown
                guard let subject = try subjects.subject(db, moment.kind, moment.recordID, now: moment.at) else { continue }
                report.considered += 1
                let clock = ruleClock(for: subject, now: moment.at)
                let decision = RuleDecision.decide(rule, on: subject, triggered: true, because: moment.what, clock: clock, withPlans: shown)
                if decision.fires {
                    report.wouldFire += 1
                    for kind in actionKinds { report.plannedActions[kind, default: 0] += 1 }
                }
                if shown {
                    report.trials.append(RuleTrial(record: subject.label, at: moment.at, trigger: moment.what, triggered: true, checks: decision.checks,
                                                   fires: decision.fires, plans: decision.plans.map { $0.summary() }))
                }
            }
            return report
        }
    }

    /// Whether `rule` would fire for one record now, and why: its last trigger moment, each condition, the plans.
    public func explain(_ rule: Rule, for record: RecordReference, now: Date) throws -> RuleTrial {
        guard let kind = RecordKind(storedKind: record.kind) else {
            throw DomainError.invalidField(field: "record", reason: "rules are about leads, tickets, follow-ups and accounts, not a \(record.kind)")
        }
        return try writer.read { db in
            guard let subject = try RuleSubjects(configuration: configuration).subject(db, kind, record.id, now: now) else {
                throw DomainError.notFound("\(record)")
            }
            let clock = ruleClock(for: subject, now: now)
            var triggered = false
            var why: String
            var at: Date?
            if rule.trigger.recordKind != kind {
                why = "this rule starts when \(RulePrinter.describe(rule.trigger)); \(subject.label) is not a \(rule.trigger.recordKind?.word ?? "record")"
            } else {
                let history = RuleHistory(configuration: configuration, clock: clock)
                let moments = try history.triggers(rule.trigger, from: now.addingTimeInterval(-366 * 86_400), to: now, db)
                if let last = moments.last(where: { $0.recordID == record.id }) {
                    triggered = true
                    at = last.at
                    why = "\(last.what) (\(ISO8601.instant(last.at)))"
                } else {
                    why = "no \"\(RulePrinter.describe(rule.trigger))\" for \(subject.label) in the last year"
                }
            }
            let decision = RuleDecision.decide(rule, on: subject, triggered: triggered, because: why, clock: clock)
            let plans = decision.fires ? decision.plans : ActionPlanner(clock: clock).plans(for: rule, on: subject)
            return RuleTrial(record: subject.label, at: at, trigger: why, triggered: triggered, checks: decision.checks, fires: decision.fires,
                             plans: plans.map { $0.summary() })
        }
    }

    /// `notify manager`, `create follow-up` — an action's kind, for totals.
    private static func actionKind(_ action: RuleAction) -> String {
        let words = RulePrinter.describe(action).split(separator: " ")
        return words.prefix(2).joined(separator: " ")
    }
}
