import Foundation

/// What an action will do for one record, as data: the engine performs plans, dry runs print them.
public enum ActionPlan: Equatable, Sendable {
    case createFollowUp(type: String, subject: String, dueAt: Date, assignee: Assignee)
    case assign(Assignee)
    case set(RuleField, RuleValue, because: String?)
    case addTag(String)
    case addNote(String)
    case notify(Recipient, title: String)
    case runHook(String)
    case escalateTicket
    /// An extension point whose feature is not installed: planned, never performed.
    case unavailable(String)

    /// The plan as a sentence: `create a call "Call Acme" due 2026-11-24 10:00 for the owner`.
    public func summary(timeZone: TimeZone = .gmt) -> String {
        switch self {
        case .createFollowUp(let type, let subject, let dueAt, let assignee):
            // Calendar fields, not a DateFormatter: a batch of firings writes thousands of these and a formatter is costly to make.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let due = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: dueAt)
            let when = String(format: "%04d-%02d-%02d %02d:%02d", due.year ?? 0, due.month ?? 0, due.day ?? 0, due.hour ?? 0, due.minute ?? 0)
            let article = "aeiou".contains(type.first ?? "x") ? "an" : "a"
            return "create \(article) \(type) \"\(subject)\" due \(when) for \(RulePrinter.describe(assignee))"
        case .assign(let assignee): return "assign to \(RulePrinter.describe(assignee))"
        case .set(let field, let value, let reason):
            return "set \(field.rawValue) to \(value.textValue)" + (reason.map { " (because \($0))" } ?? "")
        case .addTag(let tag): return "add the tag \"\(tag)\""
        case .addNote(let note): return "add the note \"\(note)\""
        case .notify(let recipient, let title): return "notify \(RulePrinter.describe(recipient)): \"\(title)\""
        case .runHook(let name): return "run the hook \"\(name)\""
        case .escalateTicket: return "escalate the ticket"
        case .unavailable(let what): return "\(what) (not available yet: nothing is done)"
        }
    }
}

/// Turns a rule's actions into plans for one record: merge fields filled, due times computed. Never writes.
public struct ActionPlanner: Sendable {
    public let clock: RuleClock

    public init(clock: RuleClock) {
        self.clock = clock
    }

    public func plans(for rule: Rule, on subject: RuleSubject) -> [ActionPlan] {
        var values = subject.mergeValues
        values["rule.name"] = rule.name
        return rule.actions.map { plan($0, subject, values) }
    }

    private func plan(_ action: RuleAction, _ subject: RuleSubject, _ values: [String: String]) -> ActionPlan {
        switch action {
        case .createFollowUp(let type, let subject, let due, let assignee):
            return .createFollowUp(type: type, subject: Self.merge(subject, values),
                                   dueAt: clock.instant(after: due, from: clock.now, stallDays: nil), assignee: assignee)
        case .assign(let assignee): return .assign(assignee)
        case .set(let field, let value, let reason): return .set(field, value, because: reason)
        case .addTag(let tag): return .addTag(tag)
        case .addNote(let note): return .addNote(Self.merge(note, values))
        case .notify(let recipient, let message): return .notify(recipient, title: Self.merge(message, values))
        case .runHook(let name): return .runHook(name)
        case .escalateTicket: return .escalateTicket
        case .extensionPoint(let point, let name): return .unavailable("\(point.rawValue) \"\(name)\"")
        }
    }

    /// Fills `{lead.name}` and the other merge fields; a field this record does not have becomes "—". A field that
    /// comes out as 1 makes the unit written after it singular (`{lead.days_in_stage} days` → "1 day", not "1 days").
    public static func merge(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let value = values[String(rest[rest.index(after: open)..<close])] ?? "—"
            result += value
            rest = rest[rest.index(after: close)...]
            if value == "1" || value == "-1", let unit = pluralUnits.first(where: { rest.hasPrefix(" " + $0) && !startsWord(rest.dropFirst($0.count + 1)) }) {
                result += " " + unit.dropLast()
                rest = rest.dropFirst(unit.count + 1)
            }
        }
        return result + rest
    }

    /// Units a message may put after a number, longest first (see ``merge(_:_:)``).
    static let pluralUnits = ["business days", "business hours", "minutes", "hours", "days", "weeks", "months", "deals", "leads",
                              "tickets", "follow-ups", "times"]

    /// Whether `text` goes on with a letter (the unit was only the start of a longer word).
    private static func startsWord(_ text: Substring) -> Bool { text.first?.isLetter ?? false }
}

/// Whether a rule fires for a record and why: the trigger, each condition term, and the plans.
public struct RuleDecision: Equatable, Sendable {
    public var subject: RuleSubject
    public var triggered: Bool
    /// Why the trigger did or did not match, in words.
    public var triggerReason: String
    public var checks: [ConditionCheck]
    public var conditionsHold: Bool
    public var plans: [ActionPlan]

    /// Fires when the trigger matched and the conditions hold.
    public var fires: Bool { triggered && conditionsHold }

    /// Decides for one record: plans are only made when the rule would fire (and `withPlans`: a dry run past the
    /// trials it shows only counts).
    public static func decide(_ rule: Rule, on subject: RuleSubject, triggered: Bool, because reason: String, clock: RuleClock,
                              withPlans: Bool = true) -> RuleDecision {
        let (holds, checks) = ConditionEvaluator(clock: clock).evaluate(rule.condition, on: subject)
        let plans = triggered && holds && withPlans ? ActionPlanner(clock: clock).plans(for: rule, on: subject) : []
        return RuleDecision(subject: subject, triggered: triggered, triggerReason: reason, checks: checks, conditionsHold: holds, plans: plans)
    }

    /// The plans of a triggered rule whose conditions hold, nil when they do not: ``decide(_:on:triggered:because:clock:withPlans:)``
    /// without the explanation (no term texts), for the engine.
    public static func plansIfFiring(_ rule: Rule, on subject: RuleSubject, clock: RuleClock) -> [ActionPlan]? {
        guard ConditionEvaluator(clock: clock).holds(rule.condition, on: subject) else { return nil }
        return ActionPlanner(clock: clock).plans(for: rule, on: subject)
    }
}
