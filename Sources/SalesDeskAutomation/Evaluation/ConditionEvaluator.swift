import Foundation

/// One checked condition term, for dry runs and `why`: `value >= 10000 ✓`.
public struct ConditionCheck: Equatable, Sendable {
    /// The term as written.
    public var term: String
    public var passed: Bool
    /// The record's value, when the term compared one.
    public var actual: String?
}

/// Decides whether a rule's conditions hold for a record, and records each term's outcome.
public struct ConditionEvaluator: Sendable {
    public let clock: RuleClock

    public init(clock: RuleClock) {
        self.clock = clock
    }

    /// Whether `condition` holds (nil holds), with every term checked in order (no short-circuit, so `why` shows them all).
    public func evaluate(_ condition: Condition?, on subject: RuleSubject) -> (passed: Bool, checks: [ConditionCheck]) {
        guard let condition else { return (true, []) }
        var checks: [ConditionCheck] = []
        let passed = evaluate(condition, subject, &checks)
        return (passed, checks)
    }

    /// Whether `condition` holds (nil holds), without the terms' texts: the engine's question, asked thousands of
    /// times a batch, where only the answer matters (short-circuits; every term is a pure function of the subject,
    /// so the answer is the one ``evaluate(_:on:)`` gives).
    public func holds(_ condition: Condition?, on subject: RuleSubject) -> Bool {
        guard let condition else { return true }
        switch condition {
        case .and(let left, let right): return holds(left, on: subject) && holds(right, on: subject)
        case .or(let left, let right): return holds(left, on: subject) || holds(right, on: subject)
        case .group(let inner): return holds(inner, on: subject)
        case .not(let inner): return !holds(inner, on: subject)
        default: return term(condition, subject).0
        }
    }

    private func evaluate(_ condition: Condition, _ subject: RuleSubject, _ checks: inout [ConditionCheck]) -> Bool {
        switch condition {
        case .and(let left, let right):
            let l = evaluate(left, subject, &checks)
            let r = evaluate(right, subject, &checks)
            return l && r
        case .or(let left, let right):
            let l = evaluate(left, subject, &checks)
            let r = evaluate(right, subject, &checks)
            return l || r
        case .group(let inner): return evaluate(inner, subject, &checks)
        case .not(let inner):
            var innerChecks: [ConditionCheck] = []
            let passed = !evaluate(inner, subject, &innerChecks)
            checks.append(ConditionCheck(term: RulePrinter.describe(condition), passed: passed, actual: innerChecks.compactMap(\.actual).first))
            return passed
        default:
            let (passed, actual) = term(condition, subject)
            checks.append(ConditionCheck(term: RulePrinter.describe(condition), passed: passed, actual: actual))
            return passed
        }
    }

    private func term(_ condition: Condition, _ subject: RuleSubject) -> (Bool, String?) {
        switch condition {
        case .compare(let field, let comparison, let value):
            let actual = subject.fields[field] ?? .missing
            return (compare(actual, comparison, value), actual.display)
        case .isEmpty(let field, let negated):
            let actual = subject.fields[field] ?? .missing
            return (actual.isEmpty != negated, actual.display)
        case .ownerInTeam(let team):
            guard let ownerTeam = subject.ownerTeam else { return (false, "no team") }
            return (ownerTeam.compare(team.textValue, options: .caseInsensitive) == .orderedSame, ownerTeam)
        case .withinBusinessHours: return (clock.isWithinBusinessHours, nil)
        case .noActivity(let duration):
            guard let touched = subject.lastTouchedAt else { return (true, "never") }
            return (clock.hasElapsed(duration, since: touched, stallDays: subject.stallDays), nil)
        case .onHold: return (subject.isOnHold, subject.isOnHold ? "on hold" : "not on hold")
        case .and, .or, .not, .group: return (evaluate(condition, on: subject).passed, nil)
        }
    }

    private func compare(_ actual: FieldValue, _ comparison: Comparison, _ value: RuleValue) -> Bool {
        switch comparison {
        case .isEqual, .isIn: return actual.matches(value)
        case .isNot, .isNotIn: return !actual.matches(value)
        case .contains:
            switch actual {
            case .list: return actual.matches(value)
            default: return actual.display.range(of: value.textValue, options: .caseInsensitive) != nil
            }
        case .atLeast, .atMost, .greater, .less:
            guard let left = actual.numberValue, let right = value.numberValue else { return false }
            switch comparison {
            case .atLeast: return left >= right
            case .atMost: return left <= right
            case .greater: return left > right
            default: return left < right
            }
        }
    }
}
