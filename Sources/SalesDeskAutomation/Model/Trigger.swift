/// What starts a rule: a change to a record, the passing of time, a schedule or an outside event.
public enum Trigger: Equatable, Codable, Sendable {
    /// `lead is created`.
    case created(RecordKind)
    /// `lead stage changes [from V] [to V]` — an edge: it was not, now it is.
    case fieldChanges(RecordKind, RuleField, from: RuleValue?, to: RuleValue?)
    /// `follow-up is completed`.
    case followUpCompleted
    /// `follow-up is overdue by 1 business day`.
    case followUpOverdue(by: RuleDuration)
    /// `lead score crosses 80` — rises from below to at least the threshold.
    case scoreCrosses(Int)
    /// `lead has been in its stage for 10 days`; `ticket has been in status "New" for 2 business hours`.
    case inStageFor(RecordKind, status: RuleValue?, RuleDuration)
    /// `2 business days before lead expected close`, `3 days after lead last touched`.
    case relativeToDate(RuleDuration, TimeDirection, RecordKind, DateField)
    /// `every weekday at 9:00` in the team's time zone.
    case schedule(ScheduleDays, hour: Int, minute: Int)
    /// `an import finishes`.
    case importFinishes
    /// `ticket SLA is at risk` / `ticket SLA is breached`.
    case ticketSLA(SLAState)
    /// Reserved for other features (`a reply is received`, `account health changes`): parsed, never fired yet.
    case extensionPoint(ExtensionTrigger)

    /// Whether the engine reaches this trigger by scanning time (cursors) rather than by reading write events.
    public var isTimeBased: Bool {
        switch self {
        case .followUpOverdue, .inStageFor, .relativeToDate, .schedule: true
        default: false
        }
    }

    /// The record kind the trigger is about (nil for schedules and imports).
    public var recordKind: RecordKind? {
        switch self {
        case .created(let kind), .fieldChanges(let kind, _, _, _), .inStageFor(let kind, _, _), .relativeToDate(_, _, let kind, _): kind
        case .followUpCompleted, .followUpOverdue: .followUp
        case .scoreCrosses: .lead
        case .ticketSLA: .ticket
        case .schedule, .importFinishes, .extensionPoint: nil
        }
    }
}

/// Before or after a date.
public enum TimeDirection: String, Codable, Sendable { case before, after }

/// Dates a time trigger can count from.
public enum DateField: String, CaseIterable, Codable, Sendable {
    case due
    case created
    case expectedClose = "expected close"
    case lastTouched = "last touched"
}

/// Which days a schedule runs on.
public enum ScheduleDays: String, CaseIterable, Codable, Sendable {
    case day, weekday, monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Whether the schedule runs on a weekday numbered like `Calendar` (1 = Sunday … 7 = Saturday).
    public func includes(weekday: Int) -> Bool {
        switch self {
        case .day: true
        case .weekday: (2...6).contains(weekday)
        case .sunday: weekday == 1
        case .monday: weekday == 2
        case .tuesday: weekday == 3
        case .wednesday: weekday == 4
        case .thursday: weekday == 5
        case .friday: weekday == 6
        case .saturday: weekday == 7
        }
    }
}

/// The SLA states a ticket's first-response clock reports.
public enum SLAState: String, Codable, Sendable {
    case atRisk = "at risk"
    case breached
}

/// Triggers other features will fire (the outreach and accounts issues).
public enum ExtensionTrigger: String, CaseIterable, Codable, Sendable {
    case replyReceived = "a reply is received"
    case unsubscribed = "a contact unsubscribes"
    case accountHealthChanges = "account health changes"
    case accountSegmentChanges = "account segment changes"
}
