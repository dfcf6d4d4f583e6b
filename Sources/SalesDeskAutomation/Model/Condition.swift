/// The `if` part of a rule: comparisons joined by `and` / `or`, negated by `not`, grouped by parentheses.
public indirect enum Condition: Equatable, Codable, Sendable {
    case compare(RuleField, Comparison, RuleValue)
    /// `tags is empty` / `tags is not empty`.
    case isEmpty(RuleField, negated: Bool)
    /// `owner is in team "Enterprise"`.
    case ownerInTeam(RuleValue)
    /// `within business hours`.
    case withinBusinessHours
    /// `no activity for 14 days`.
    case noActivity(for: RuleDuration)
    /// `on hold`.
    case onHold
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    /// `( … )`, kept so a rule prints back as written.
    case group(Condition)
}

/// A comparison operator, by its word in the language.
public enum Comparison: String, CaseIterable, Codable, Sendable {
    case isEqual = "is"
    case isNot = "is not"
    case atLeast = ">="
    case atMost = "<="
    case greater = ">"
    case less = "<"
    case isIn = "in"
    case isNotIn = "is not in"
    case contains
}
