import Foundation

/// Follow-ups of one rep due in a period, counted by type, state and how their times stand (what the activity
/// report reads; the store counts them in SQL instead of returning every follow-up).
public struct ActivityTally: Codable, Equatable, Sendable {
    public var ownerID: Int64
    public var ownerName: String
    public var type: ActivityType
    public var state: ActivityState
    /// Done no later than due.
    public var onTime: Bool
    /// Due at or before the report's `now`.
    public var dueSoFar: Bool
    /// Due before the report's `now`.
    public var pastDue: Bool
    public var count: Int

    public init(ownerID: Int64, ownerName: String, type: ActivityType, state: ActivityState, onTime: Bool, dueSoFar: Bool, pastDue: Bool, count: Int) {
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.type = type
        self.state = state
        self.onTime = onTime
        self.dueSoFar = dueSoFar
        self.pastDue = pastDue
        self.count = count
    }
}

/// The activity report's input counted in the store: follow-ups per rep and kind, reschedules per rep and reason,
/// and done follow-ups per quarter hour of completion (UTC; the report places them in the reader's weekday × hour).
public struct ActivityCounts: Codable, Equatable, Sendable {
    public var tallies: [ActivityTally]
    /// Reschedules per owner id and reason given.
    public var reschedules: [Int64: [String: Int]]
    /// Done follow-ups per quarter hour (its start) of completion.
    public var completions: [Date: Int]

    /// Quarter hours: every time zone's offset is a whole number of them.
    public static let completionBucketSeconds: Int64 = 900

    public init(tallies: [ActivityTally], reschedules: [Int64: [String: Int]], completions: [Date: Int]) {
        self.tallies = tallies
        self.reschedules = reschedules
        self.completions = completions
    }

    /// The same counts from every follow-up (what the store's SQL counts), for `now`.
    public init(facts: [ActivityFact], now: Date) {
        var tallies: [ActivityTally: Int] = [:]
        var reschedules: [Int64: [String: Int]] = [:]
        var completions: [Date: Int] = [:]
        for fact in facts {
            let key = ActivityTally(ownerID: fact.ownerID, ownerName: fact.ownerName, type: fact.type, state: fact.state,
                                    onTime: (fact.completedAt ?? .distantFuture) <= fact.dueAt, dueSoFar: fact.dueAt <= now,
                                    pastDue: fact.dueAt < now, count: 0)
            tallies[key, default: 0] += 1
            for reason in fact.rescheduleReasons { reschedules[fact.ownerID, default: [:]][reason, default: 0] += 1 }
            if fact.state == .done, let at = fact.completedAt {
                let seconds = Int64(at.timeIntervalSince1970.rounded(.down))
                let bucket = seconds - ((seconds % Self.completionBucketSeconds) + Self.completionBucketSeconds) % Self.completionBucketSeconds
                completions[Date(timeIntervalSince1970: TimeInterval(bucket)), default: 0] += 1
            }
        }
        self.init(tallies: tallies.map { key, count in
            var tally = key
            tally.count = count
            return tally
        }, reschedules: reschedules, completions: completions)
    }
}

extension ActivityTally: Hashable {}
