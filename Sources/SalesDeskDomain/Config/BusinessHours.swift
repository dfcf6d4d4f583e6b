import Foundation

/// A weekly working calendar: open hours per weekday and holiday dates, in a time zone.
public struct BusinessHours: Codable, Hashable, Sendable {
    /// Open interval of one weekday in minutes after local midnight (`540..<1020` = 09:00–17:00).
    public struct Window: Codable, Hashable, Sendable {
        public var openMinute: Int
        public var closeMinute: Int

        public init(openMinute: Int, closeMinute: Int) {
            self.openMinute = openMinute
            self.closeMinute = closeMinute
        }
    }

    public var timeZoneID: String
    /// Keyed by ISO weekday: 1 = Monday ... 7 = Sunday. A missing day is closed.
    public var windows: [Int: Window]
    /// Closed dates as `YYYY-MM-DD` in the calendar's time zone.
    public var holidays: Set<String>

    public init(timeZoneID: String, windows: [Int: Window], holidays: Set<String> = []) {
        self.timeZoneID = timeZoneID
        self.windows = windows
        self.holidays = holidays
    }

    /// Monday–Friday 09:00–17:00 UTC, no holidays.
    public static let standard = BusinessHours(
        timeZoneID: "UTC",
        windows: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, Window(openMinute: 9 * 60, closeMinute: 17 * 60)) })
    )
}
