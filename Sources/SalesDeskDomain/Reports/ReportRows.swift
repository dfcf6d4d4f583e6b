import Foundation

// The rows the store fetches for reports and the report functions read.

/// How many leads of a cohort got no further than `furthest` (the funnel's input, one per stage).
public struct FunnelCount: Codable, Equatable, Sendable {
    public var furthest: StageKey
    public var leads: Int
    public init(furthest: StageKey, leads: Int) {
        self.furthest = furthest
        self.leads = leads
    }
}

/// Time one lead spent in one stage, from entering it to leaving it.
public struct StageStay: Codable, Equatable, Sendable {
    public var stage: StageKey
    public var days: Double
    public init(stage: StageKey, days: Double) {
        self.stage = stage
        self.days = days
    }
}

/// Per source, for the leads created in a period: how many, how many were won and their won value.
public struct SourceCount: Codable, Equatable, Sendable {
    public var source: LeadSource
    public var created: Int
    public var won: Int
    /// Won value in the report's currency.
    public var wonValue: Money
    public init(source: LeadSource, created: Int, won: Int, wonValue: Money) {
        self.source = source
        self.created = created
        self.won = won
        self.wonValue = wonValue
    }
}

/// One follow-up as the activity report reads it.
public struct ActivityFact: Codable, Equatable, Sendable {
    public var ownerID: Int64
    public var ownerName: String
    public var type: ActivityType
    public var state: ActivityState
    public var dueAt: Date
    public var completedAt: Date?
    public var rescheduleReasons: [String]
    public init(ownerID: Int64, ownerName: String, type: ActivityType, state: ActivityState, dueAt: Date,
                completedAt: Date? = nil, rescheduleReasons: [String] = []) {
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.type = type
        self.state = state
        self.dueAt = dueAt
        self.completedAt = completedAt
        self.rescheduleReasons = rescheduleReasons
    }
}

/// One ticket as the support report reads it; business durations are worked out with the team's hours.
public struct TicketFact: Codable, Equatable, Sendable {
    public var number: String
    public var team: String
    public var assignee: String?
    public var priority: TicketPriority
    public var category: TicketCategory
    public var status: TicketStatus
    /// The first-response target in business seconds.
    public var targetSeconds: Double
    /// Business seconds to the first response; nil when not answered yet.
    public var firstResponseSeconds: Double?
    /// Business seconds used so far, for unanswered tickets.
    public var waitingSeconds: Double
    public var resolutionSeconds: Double?
    public var reopened: Bool
    public var pendingSeconds: Double
    public init(number: String, team: String, assignee: String?, priority: TicketPriority, category: TicketCategory,
                status: TicketStatus, targetSeconds: Double, firstResponseSeconds: Double?, waitingSeconds: Double = 0,
                resolutionSeconds: Double? = nil, reopened: Bool = false, pendingSeconds: Double = 0) {
        self.number = number
        self.team = team
        self.assignee = assignee
        self.priority = priority
        self.category = category
        self.status = status
        self.targetSeconds = targetSeconds
        self.firstResponseSeconds = firstResponseSeconds
        self.waitingSeconds = waitingSeconds
        self.resolutionSeconds = resolutionSeconds
        self.reopened = reopened
        self.pendingSeconds = pendingSeconds
    }

    /// Met, breached, or nil when it cannot be judged yet.
    public var metSLA: Bool? {
        if let firstResponseSeconds { return firstResponseSeconds <= targetSeconds }
        return waitingSeconds > targetSeconds ? false : nil
    }
}

/// One group of open tickets: how many share a status and a category.
public struct BacklogCount: Codable, Equatable, Sendable {
    public var status: TicketStatus
    public var category: TicketCategory
    public var tickets: Int
    public init(status: TicketStatus, category: TicketCategory, tickets: Int) {
        self.status = status
        self.category = category
        self.tickets = tickets
    }
}
