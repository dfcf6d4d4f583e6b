/// One thing a rule does when it fires.
public enum RuleAction: Equatable, Codable, Sendable {
    /// `create follow-up email "Send the recap" due in 1 business day for owner`.
    case createFollowUp(type: String, subject: String, due: RuleDuration, assignee: Assignee)
    /// `assign to round-robin in "Customer Success"`.
    case assign(Assignee)
    /// `set stage to "Lost" because "No budget"` (Lost needs the reason).
    case set(RuleField, RuleValue, because: String?)
    /// `add tag "vip"`.
    case addTag(String)
    /// `add note "Called about the renewal"`.
    case addNote(String)
    /// `notify manager "Big demo done: {lead.name}"`.
    case notify(Recipient, message: String)
    /// `run hook "crm-sync"`: the hook command gets the firing as JSON on stdin.
    case runHook(String)
    /// `escalate ticket`: priority up one step and the team's manager told.
    case escalateTicket
    /// Reserved for the outreach feature (`enrol in cadence`, `send template`): parsed, planned as "not available yet".
    case extensionPoint(ExtensionAction, String)
}

/// Who gets created or assigned work.
public enum Assignee: Equatable, Codable, Sendable {
    case owner
    case user(String)
    case roundRobin(team: String)
    case leastLoaded(team: String)
    case byCountry(team: String)
}

/// Who a notification goes to.
public enum Recipient: Equatable, Codable, Sendable {
    case owner
    case manager
    /// The owner's team (`team of owner`).
    case ownersTeam
    /// The manager of the record's team (`manager of team`).
    case teamManager
    case team(String)
    case user(String)
}

/// Actions other features will provide.
public enum ExtensionAction: String, CaseIterable, Codable, Sendable {
    case enrolInCadence = "enrol in cadence"
    case sendTemplate = "send template"
}
