import Foundation

/// When a follow-up reminds its owner: by default 1 hour before, at the time, and 1 day after if not done.
public struct ReminderPlan: Codable, Equatable, Sendable {
    /// Offsets from the due time in seconds (negative = before).
    public var offsets: [TimeInterval]

    public init(offsets: [TimeInterval]) {
        self.offsets = offsets.sorted()
    }

    /// −1 h, 0, +1 d.
    public static let standard = ReminderPlan(offsets: [-3600, 0, 86_400])

    /// The reminder instants of a follow-up due at `dueAt`, earliest first.
    public func reminders(forDueAt dueAt: Date) -> [PlannedReminder] {
        offsets.map { PlannedReminder(offset: $0, firesAt: dueAt.addingTimeInterval($0)) }
    }
}

/// One reminder of a follow-up: its offset from the due time and when it fires.
public struct PlannedReminder: Equatable, Sendable {
    public var offset: TimeInterval
    public var firesAt: Date

    public init(offset: TimeInterval, firesAt: Date) {
        self.offset = offset
        self.firesAt = firesAt
    }

    /// `1 hour before`, `at the time`, `1 day after`.
    public var label: String {
        if offset == 0 { return "at the time" }
        let magnitude = abs(offset)
        let amount: String
        switch magnitude {
        case let seconds where seconds.truncatingRemainder(dividingBy: 86_400) == 0: amount = Self.plural(Int(seconds / 86_400), "day")
        case let seconds where seconds.truncatingRemainder(dividingBy: 3600) == 0: amount = Self.plural(Int(seconds / 3600), "hour")
        default: amount = Self.plural(Int(magnitude / 60), "minute")
        }
        return amount + (offset < 0 ? " before" : " after")
    }

    private static func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
}
