/// The kinds of record a rule can watch, by the word a rule uses for them (`lead`, `follow-up`).
public enum RecordKind: String, CaseIterable, Codable, Sendable {
    case lead
    case ticket
    case followUp = "follow-up"
    case account

    /// The word in the rule language.
    public var word: String { rawValue }
}

/// A record field a rule can test or change, by the name the desk shows.
public enum RuleField: String, CaseIterable, Codable, Sendable {
    case stage, value, source, score, owner, team, role, tags, title, name, priority, status, category, assignee
    case subject, type, partner, country

    /// The fields each record kind offers to conditions and `changes` triggers.
    public static func fields(of kind: RecordKind) -> [RuleField] {
        switch kind {
        case .lead: [.stage, .value, .source, .score, .owner, .team, .role, .tags, .title, .name, .partner, .country]
        case .ticket: [.status, .priority, .category, .team, .assignee, .owner, .role, .subject]
        case .followUp: [.type, .subject, .owner, .team, .role]
        case .account: [.name, .owner, .team, .role, .country]
        }
    }

    /// Fields an action may `set`, per kind (stage and status have their own trigger words; Lost needs a reason).
    public static func settable(on kind: RecordKind) -> [RuleField] {
        switch kind {
        case .lead: [.stage, .tags, .score]
        case .ticket: [.priority, .category, .status]
        case .followUp, .account: []
        }
    }
}

/// How a duration is counted: in business time (the team's calendar) or on the wall clock.
public enum DurationUnit: String, CaseIterable, Codable, Sendable {
    case businessHours = "business hours"
    case businessDays = "business days"
    case minutes, hours, days

    /// Seconds in one unit of calendar time; business units are counted by ``SalesDeskDomain/BusinessHours``.
    public var calendarSeconds: Double? {
        switch self {
        case .minutes: 60
        case .hours: 3_600
        case .days: 86_400
        case .businessHours, .businessDays: nil
        }
    }

    /// The singular word (`business day`), for "1 business day".
    public var singular: String { String(rawValue.dropLast()) }
}

/// An amount of time in a rule: `2 business days`, `4 hours`, or a stage's stall threshold.
public enum RuleDuration: Equatable, Codable, Sendable {
    /// `N units`.
    case amount(Int, DurationUnit)
    /// `its stall threshold` (times 1) or `twice its stall threshold` (times 2): the stage's own `stall_days`.
    case stallThreshold(times: Int)
}
