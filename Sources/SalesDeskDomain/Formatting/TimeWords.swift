import Foundation

/// Instants written for the person who reads them, in their own time zone: `Mon 30 Nov at 14:00`.
///
/// Texts stored for later reading (notification bodies) use these absolute words rather than
/// "today" or "in 2 hours", which would be wrong by the time they are read.
///
/// ```swift
/// TimeWords.dayAndTime(due, in: TimeZone(identifier: "Europe/Lisbon")!)   // "Mon 30 Nov at 14:00"
/// ```
public enum TimeWords {
    /// Weekday, day, month and 24-hour time in `zone`: `Mon 30 Nov at 14:00`.
    public static func dayAndTime(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM 'at' HH:mm"
        return formatter.string(from: date)
    }

    /// The zone a user's stored identifier names; UTC when it names none.
    public static func zone(_ identifier: String?) -> TimeZone {
        identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    }
}
