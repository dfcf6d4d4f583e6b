import Foundation

extension BusinessHours {
    /// The Gregorian calendar in this schedule's time zone (UTC when the identifier is unknown).
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZoneID) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    /// This schedule moved to another time zone (a team's zone), keeping its hours and holidays.
    public func inTimeZone(_ identifier: String) -> BusinessHours {
        var moved = self
        moved.timeZoneID = TimeZone(identifier: identifier) != nil ? identifier : timeZoneID
        return moved
    }

    /// How many local days, counted from the day of the start, business-time arithmetic looks at
    /// (two years): later open hours are not counted, and a target beyond them is never reached.
    static let horizonDays = 731

    /// Open seconds between `start` and `end` (zero when `end` is not after `start`), counting the
    /// open hours of the ``horizonDays`` local days from the day of `start`.
    ///
    /// Local wall-clock windows are resolved per day, so a day that gains or loses an hour to a DST
    /// change still opens at 09:00 local time. Exact: read from this schedule's shared day index
    /// (see ``BusinessDayIndex``), or by walking the days when those days are outside the index's era (1970–2099).
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        let horizon = Self.horizonDays
        guard let (index, day) = BusinessDayLedgers.shared.ledger(for: self).index(covering: start, daysAfter: horizon) else {
            return walkedBusinessSeconds(from: start, to: end)
        }
        let to = end.timeIntervalSinceReferenceDate
        // Days after the horizon don't count: an end beyond it is read in the horizon's last day.
        let lastDay = min(index.day(containing: to) ?? day + horizon - 1, day + horizon - 1)
        return index.businessSeconds(from: start.timeIntervalSinceReferenceDate, inDay: day, to: to, inDay: lastDay)
    }

    /// The instant at which `seconds` open seconds have passed since `start` (`start` itself for zero).
    /// Returns `Date.distantFuture` when the schedule has no open hours within ``horizonDays`` local days.
    public func instant(afterBusinessSeconds seconds: TimeInterval, from start: Date) -> Date {
        guard seconds > 0 else { return start }
        let horizon = Self.horizonDays
        guard let (index, day) = BusinessDayLedgers.shared.ledger(for: self).index(covering: start, daysAfter: horizon) else {
            return walkedInstant(afterBusinessSeconds: seconds, from: start)
        }
        let from = start.timeIntervalSinceReferenceDate
        return index.instant(afterBusinessSeconds: seconds, from: from, inDay: day, lastDay: day + horizon - 1)
            .map(Date.init(timeIntervalSinceReferenceDate:)) ?? .distantFuture
    }

    /// ``businessSeconds(from:to:)`` by walking the days one by one, for instants beyond the index.
    func walkedBusinessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        for window in openIntervals(from: start) {
            if window.start >= end { break }
            total += min(window.end, end).timeIntervalSince(max(window.start, start))
        }
        return total
    }

    /// ``instant(afterBusinessSeconds:from:)`` by walking the days one by one, for instants beyond the index.
    func walkedInstant(afterBusinessSeconds seconds: TimeInterval, from start: Date) -> Date {
        guard seconds > 0 else { return start }
        var remaining = seconds
        for window in openIntervals(from: start) {
            let from = max(window.start, start)
            let available = window.end.timeIntervalSince(from)
            if available >= remaining { return from.addingTimeInterval(remaining) }
            remaining -= available
        }
        return .distantFuture
    }

    /// Open intervals that end after `start`, in order, for the ``horizonDays`` days from the day of `start`.
    private func openIntervals(from start: Date) -> some Sequence<DateInterval> {
        let calendar = calendar
        let firstDay = calendar.startOfDay(for: start)
        return (0..<Self.horizonDays).lazy.compactMap { offset -> DateInterval? in
            guard let day = calendar.date(byAdding: .day, value: offset, to: firstDay) else { return nil }
            return self.openInterval(on: day, calendar: calendar)
        }.filter { $0.end > start }
    }

    /// The open interval of the local day starting at `day`, or nil when closed (weekend, holiday):
    /// the one definition of a day's opening hours, which the day index is built from.
    func openInterval(on day: Date, calendar: Calendar) -> DateInterval? {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        let isoWeekday = (parts.weekday! + 5) % 7 + 1
        guard let window = windows[isoWeekday], window.closeMinute > window.openMinute else { return nil }
        let dateKey = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        guard !holidays.contains(dateKey) else { return nil }
        func local(_ minute: Int) -> Date? {
            calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: minute / 60, minute: minute % 60))
        }
        guard let open = local(window.openMinute), let close = local(window.closeMinute), close > open else { return nil }
        return DateInterval(start: open, end: close)
    }
}
