import Foundation

/// The sections of My Agenda, in display order.
public enum AgendaSection: String, CaseIterable, Codable, Sendable {
    case overdue, today, tomorrow, thisWeek = "this_week", later

    public var title: String {
        switch self {
        case .overdue: "Overdue"
        case .today: "Today"
        case .tomorrow: "Tomorrow"
        case .thisWeek: "This week"
        case .later: "Later"
        }
    }
}

/// Decides which agenda section a due time falls in, for a user's time zone at a given instant.
///
/// Days are the user's calendar days; the week ends on Sunday night (ISO weeks).
public struct AgendaCalendar: Sendable {
    public let now: Date
    public let timeZone: TimeZone
    /// Start of today, tomorrow, the day after tomorrow and next Monday, in UTC instants.
    public let startOfToday: Date
    public let startOfTomorrow: Date
    public let startOfDayAfterTomorrow: Date
    public let startOfNextWeek: Date

    public init(now: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        self.now = now
        self.timeZone = timeZone
        startOfToday = calendar.startOfDay(for: now)
        startOfTomorrow = calendar.date(byAdding: .day, value: 1, to: startOfToday)!
        startOfDayAfterTomorrow = calendar.date(byAdding: .day, value: 2, to: startOfToday)!
        let weekStart = calendar.dateInterval(of: .weekOfYear, for: now)!.start
        startOfNextWeek = calendar.date(byAdding: .day, value: 7, to: weekStart)!
    }

    /// The section of a planned follow-up due at `dueAt`.
    public func section(forDueAt dueAt: Date) -> AgendaSection {
        if dueAt < now { return .overdue }
        if dueAt < startOfTomorrow { return .today }
        if dueAt < startOfDayAfterTomorrow { return .tomorrow }
        if dueAt < startOfNextWeek { return .thisWeek }
        return .later
    }

    /// The half-open interval of due times a section covers (`nil` bound = unbounded).
    public func range(of section: AgendaSection) -> (from: Date?, to: Date?) {
        switch section {
        case .overdue: (nil, now)
        case .today: (now, startOfTomorrow)
        case .tomorrow: (startOfTomorrow, startOfDayAfterTomorrow)
        case .thisWeek: (startOfDayAfterTomorrow, max(startOfNextWeek, startOfDayAfterTomorrow))
        case .later: (max(startOfNextWeek, startOfDayAfterTomorrow), nil)
        }
    }
}
