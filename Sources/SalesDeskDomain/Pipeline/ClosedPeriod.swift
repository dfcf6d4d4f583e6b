import Foundation

/// Which closed deals the board's Won and Lost columns count: this month, this quarter, or a chosen range.
///
/// Open columns are the pipeline as it stands; closed ones would otherwise sum all time, so they show a period.
///
/// ```swift
/// let period = ClosedPeriod.thisQuarter.interval(at: now, in: userZone)   // 1 Oct 00:00 – 1 Jan 00:00 local
/// ```
public enum ClosedPeriod: Equatable, Sendable {
    case thisMonth
    case thisQuarter
    /// From `start` (inclusive) to `end` (exclusive).
    case custom(DateInterval)

    /// The period as instants: calendar months and quarters start at local midnight in `zone`.
    public func interval(at now: Date, in zone: TimeZone) -> DateInterval {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        switch self {
        case .custom(let interval):
            return interval
        case .thisMonth:
            return calendar.dateInterval(of: .month, for: now) ?? DateInterval(start: now, duration: 0)
        case .thisQuarter:
            let month = calendar.component(.month, from: now)
            var start = calendar.dateComponents([.year], from: now)
            start.month = (month - 1) / 3 * 3 + 1
            start.day = 1
            let first = calendar.date(from: start) ?? now
            let end = calendar.date(byAdding: .month, value: 3, to: first) ?? now
            return DateInterval(start: first, end: end)
        }
    }

    /// How the desk names it: `this month`, `this quarter`, `1 Sep – 15 Nov 2026`.
    public func label(in zone: TimeZone) -> String {
        switch self {
        case .thisMonth: return "this month"
        case .thisQuarter: return "this quarter"
        case .custom(let interval):
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = "d MMM yyyy"
            return "\(formatter.string(from: interval.start)) – \(formatter.string(from: interval.end.addingTimeInterval(-1)))"
        }
    }
}
