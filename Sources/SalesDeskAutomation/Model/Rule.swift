/// A rule: **when** a trigger happens, **if** conditions hold, **then** do actions.
///
/// ```swift
/// let rule = try RuleParser(vocabulary: .standard).parse("""
///     rule "Tell the manager about progress"
///     when lead stage changes to "Connected"
///     then notify manager "{owner.name} connected with {lead.name}"
///     """)
/// RulePrinter.print(rule)   // the same words back
/// ```
public struct Rule: Equatable, Codable, Sendable {
    public var name: String
    public var trigger: Trigger
    public var condition: Condition?
    public var actions: [RuleAction]
    /// `also when caused by rules`: react to changes other rules made (off by default: the loop guard).
    public var reactsToRuleChanges: Bool
    /// What a time trigger does with instants missed while nothing ran.
    public var catchUp: CatchUpPolicy

    public init(name: String, trigger: Trigger, condition: Condition? = nil, actions: [RuleAction],
                reactsToRuleChanges: Bool = false, catchUp: CatchUpPolicy = .once) {
        self.name = name
        self.trigger = trigger
        self.condition = condition
        self.actions = actions
        self.reactsToRuleChanges = reactsToRuleChanges
        self.catchUp = catchUp
    }
}

/// After downtime: skip missed instants, fire once for all of them (the default), or fire each.
public enum CatchUpPolicy: String, CaseIterable, Codable, Sendable {
    case skip, once, each
}
