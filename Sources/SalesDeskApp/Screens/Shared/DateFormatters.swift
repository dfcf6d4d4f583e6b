import Foundation

/// Date formatters by time zone and pattern, made once: creating one costs more than drawing a whole row,
/// and a screen formats a date in nearly every row it draws.
final class DateFormatters: @unchecked Sendable {
    static let shared = DateFormatters()

    private let lock = NSLock()
    private var formatters: [String: DateFormatter] = [:]

    /// A formatter for `pattern` in `zone` (UTC when the zone is unknown), POSIX locale.
    func formatter(zone: String, pattern: String) -> DateFormatter {
        lock.withLock {
            let key = zone + "\u{0}" + pattern
            if let formatter = formatters[key] { return formatter }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: zone) ?? .gmt
            formatter.dateFormat = pattern
            formatters[key] = formatter
            return formatter
        }
    }
}
