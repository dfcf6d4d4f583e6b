import Foundation

/// Reads the times people type: `2026-11-24 14:30`, `2026-11-24`, `today 16:00`, `tomorrow 9:00`, `+2h`,
/// `+30m`, `+1d`, or full ISO 8601. Local forms are in the user's time zone; a bare date means 09:00.
public enum TimeExpression {
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(DomainError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let date = try? Date(text.trimmingCharacters(in: .whitespaces), strategy: .iso8601) { return date }
        if trimmed.hasPrefix("+"), let unit = trimmed.last, let amount = Double(trimmed.dropFirst().dropLast()), amount >= 0, amount < 100_000 {
            switch unit {
            case "m": return now.addingTimeInterval(amount * 60)
            case "h": return now.addingTimeInterval(amount * 3600)
            case "d": return now.addingTimeInterval(amount * 86_400)
            default: break
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = trimmed.split(separator: " ").map(String.init)
        guard let first = parts.first, parts.count <= 2 else { throw invalid(text) }
        let day: Date
        switch first {
        case "today": day = calendar.startOfDay(for: now)
        case "tomorrow": day = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!
        default:
            let ymd = first.split(separator: "-").compactMap { Int($0) }
            guard ymd.count == 3, (1...9999).contains(ymd[0]),
                  let date = calendar.date(from: DateComponents(year: ymd[0], month: ymd[1], day: ymd[2])),
                  calendar.component(.day, from: date) == ymd[2], calendar.component(.month, from: date) == ymd[1] else { throw invalid(text) }
            day = date
        }
        let clock = parts.count == 2 ? parts[1] : "09:00"
        let hm = clock.split(separator: ":").compactMap { Int($0) }
        guard hm.count == 2, (0..<24).contains(hm[0]), (0..<60).contains(hm[1]) else { throw invalid(text) }
        guard let date = calendar.date(bySettingHour: hm[0], minute: hm[1], second: 0, of: day) else { throw invalid(text) }
        // In a daylight-saving gap (02:30 on the morning clocks jump to 03:00) the calendar moves the time on: say so.
        let shown = calendar.dateComponents([.hour, .minute], from: date)
        guard shown.hour == hm[0], shown.minute == hm[1] else {
            throw .invalidField(field: "time", reason: String(format: "%02d:%02d does not exist on that day in %@ (the clocks jump forward for daylight saving); choose a time before or after the jump, e.g. %02d:%02d",
                                                              hm[0], hm[1], timeZone.identifier, shown.hour ?? 0, shown.minute ?? 0))
        }
        return date
    }

    private static func invalid(_ text: String) -> DomainError {
        .invalidField(field: "time", reason: "'\(text)' is not a time. Use e.g. \"2026-11-24 14:30\", \"tomorrow 9:00\", \"+2h\" or ISO 8601")
    }
}
