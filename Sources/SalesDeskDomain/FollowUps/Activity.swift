import Foundation

/// A follow-up: a call, email, message, meeting or task due at a time, linked to a record.
public struct Activity: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var type: ActivityType
    public var subject: String
    public var notes: String
    public var dueAt: Date
    public var durationMinutes: Int
    public var ownerID: Int64
    public var record: RecordReference?
    public var state: ActivityState
    public var outcome: String?
    public var completedAt: Date?
    public var createdAt: Date

    public init(
        id: Int64? = nil, type: ActivityType, subject: String, notes: String = "", dueAt: Date,
        durationMinutes: Int = 30, ownerID: Int64, record: RecordReference?, state: ActivityState = .planned,
        outcome: String? = nil, completedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.type = type
        self.subject = subject
        self.notes = notes
        self.dueAt = dueAt
        self.durationMinutes = durationMinutes
        self.ownerID = ownerID
        self.record = record
        self.state = state
        self.outcome = outcome
        self.completedAt = completedAt
        self.createdAt = createdAt
    }
}

/// One change of a follow-up's time, with the reason the user gave.
public struct RescheduleEntry: Codable, Equatable, Sendable {
    public var activityID: Int64
    public var fromDueAt: Date
    public var toDueAt: Date
    public var reason: String
    public var userID: Int64
    public var at: Date

    public init(activityID: Int64, fromDueAt: Date, toDueAt: Date, reason: String, userID: Int64, at: Date) {
        self.activityID = activityID
        self.fromDueAt = fromDueAt
        self.toDueAt = toDueAt
        self.reason = reason
        self.userID = userID
        self.at = at
    }
}
