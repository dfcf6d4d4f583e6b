import Foundation

/// The due-date window of the Follow-ups screen, cycled with `d`; days are the user's own days.
public enum FollowUpRange: Int, CaseIterable, Sendable {
    case all, overdue, today, nextSevenDays

    public var title: String {
        switch self {
        case .all: "any date"
        case .overdue: "overdue"
        case .today: "today"
        case .nextSevenDays: "next 7 days"
        }
    }

    /// The window at `now` in `timeZone`: due at or after `from`, and before `before` (nil: open-ended).
    public func bounds(now: Date, timeZone: TimeZone) -> (from: Date?, before: Date?) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let startOfToday = calendar.startOfDay(for: now)
        switch self {
        case .all: return (nil, nil)
        case .overdue: return (nil, now)
        case .today: return (startOfToday, calendar.date(byAdding: .day, value: 1, to: startOfToday))
        case .nextSevenDays: return (now, calendar.date(byAdding: .day, value: 8, to: startOfToday))
        }
    }
}
