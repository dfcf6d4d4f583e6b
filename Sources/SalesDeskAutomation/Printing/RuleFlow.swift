/// A rule as the three parts a flow drawing shows: what starts it, the conditions (one line per `and` / `or`), each action.
public struct RuleFlow: Equatable, Sendable {
    public var trigger: String
    /// Empty when the rule has no `if`.
    public var conditions: [String]
    public var actions: [String]

    public init(_ rule: Rule) {
        trigger = RulePrinter.describe(rule.trigger)
        conditions = rule.condition.map { Self.lines($0, joiner: nil) } ?? []
        actions = rule.actions.map(RulePrinter.describe)
    }

    /// Top-level `and` / `or` terms on lines of their own, each after the first starting with its joiner.
    private static func lines(_ condition: Condition, joiner: String?) -> [String] {
        switch condition {
        case .and(let left, let right): return lines(left, joiner: joiner) + lines(right, joiner: "and")
        case .or(let left, let right): return lines(left, joiner: joiner) + lines(right, joiner: "or")
        default: return [(joiner.map { $0 + " " } ?? "") + RulePrinter.describe(condition)]
        }
    }
}
