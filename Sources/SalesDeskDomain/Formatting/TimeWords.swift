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
    ///
    /// One formatter per zone is made once and reused (making one costs more than a database row: a
    /// scheduler pass catching up on thousands of items writes thousands of these).
    public static func dayAndTime(_ date: Date, in zone: TimeZone) -> String {
        formatters.string(from: date, in: zone)
    }

    /// The zone a user's stored identifier names; UTC when it names none.
    public static func zone(_ identifier: String?) -> TimeZone {
        identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    }

    private static let formatters = FormatterCache()

    /// Formatters by zone identifier, used under a lock (a `DateFormatter` is not safe to share unguarded).
    private final class FormatterCache: @unchecked Sendable {
        private let lock = NSLock()
        private var byZone: [String: DateFormatter] = [:]

        func string(from date: Date, in zone: TimeZone) -> String {
            lock.lock()
            defer { lock.unlock() }
            if let formatter = byZone[zone.identifier] { return formatter.string(from: date) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = zone
            formatter.dateFormat = "EEE d MMM 'at' HH:mm"
            byZone[zone.identifier] = formatter
            return formatter.string(from: date)
        }
    }
}
