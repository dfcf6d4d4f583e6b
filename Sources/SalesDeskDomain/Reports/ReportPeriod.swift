import Foundation

/// A half-open span of time `[start, end)` a report covers, with the calendar it was cut in.
///
/// Periods are cut at local midnight in the reader's time zone, so a week in Berlin that crosses the
/// end of summer time is 7 days of 24 hours but one of 25: it still starts and ends at 00:00 local.
///
/// ```swift
/// let quarter = ReportPeriod.containing(now, .quarter, timeZone: berlin)
/// quarter.contains(deal.closedAt)
/// ```
public struct ReportPeriod: Codable, Equatable, Hashable, Sendable {
    /// The length of a named period.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Monday 00:00 to the next Monday 00:00.
        case week
        case month
        case quarter

        var component: Calendar.Component {
            switch self {
            case .week: .weekOfYear
            case .month: .month
            case .quarter: .month
            }
        }

        var length: Int { self == .quarter ? 3 : 1 }
    }

    public var start: Date
    /// The first instant after the period.
    public var end: Date
    /// The time zone its boundaries were cut in (an identifier such as `Europe/Berlin`).
    public var timeZoneID: String

    public init(start: Date, end: Date, timeZoneID: String) {
        self.start = start
        self.end = end
        self.timeZoneID = timeZoneID
    }

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneID) ?? .gmt }

    /// Whether `date` falls in the period.
    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// The gregorian calendar of the period's time zone, weeks starting on Monday.
    public static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// The week, month or quarter holding `date`, cut in `timeZone`.
    public static func containing(_ date: Date, _ kind: Kind, timeZone: TimeZone) -> ReportPeriod {
        let calendar = calendar(timeZone)
        let start: Date
        switch kind {
        case .week:
            start = calendar.dateInterval(of: .weekOfYear, for: date)!.start
        case .month:
            start = calendar.dateInterval(of: .month, for: date)!.start
        case .quarter:
            let month = calendar.component(.month, from: date)
            let year = calendar.component(.year, from: date)
            start = calendar.date(from: DateComponents(year: year, month: (month - 1) / 3 * 3 + 1, day: 1))!
        }
        let end = calendar.date(byAdding: kind.component, value: kind.length, to: start)!
        return ReportPeriod(start: start, end: end, timeZoneID: timeZone.identifier)
    }

    /// From the first day's midnight to the midnight after the last day (both days included), in `timeZone`.
    public static func days(from first: DateComponents, through last: DateComponents, timeZone: TimeZone) -> ReportPeriod? {
        let calendar = calendar(timeZone)
        guard let start = calendar.date(from: first), let lastDay = calendar.date(from: last),
              let end = calendar.date(byAdding: .day, value: 1, to: lastDay), end > start else { return nil }
        return ReportPeriod(start: start, end: end, timeZoneID: timeZone.identifier)
    }

    /// The period of the same kind just before this one (for week-over-week and trends).
    public func previous(_ kind: Kind) -> ReportPeriod {
        ReportPeriod.containing(start.addingTimeInterval(-1), kind, timeZone: timeZone)
    }

    /// The local months the period touches, each cut to the period (for monthly trends).
    public func months() -> [ReportPeriod] {
        var result: [ReportPeriod] = []
        var cursor = start
        while cursor < end {
            var month = ReportPeriod.containing(cursor, .month, timeZone: timeZone)
            month.start = max(month.start, start)
            month.end = min(month.end, end)
            result.append(month)
            cursor = month.end
        }
        return result
    }

    /// `2026-11-01 – 2026-11-30`: the first and last local day.
    public var label: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return "\(formatter.string(from: start)) – \(formatter.string(from: end.addingTimeInterval(-1)))"
    }
}
