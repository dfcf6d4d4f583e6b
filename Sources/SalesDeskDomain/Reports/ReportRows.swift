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
