import Foundation

/// Dates in import cells: `YYYY-MM-DD` (optionally followed by a time), `YYYY/MM/DD`, or a spreadsheet
/// serial number (days since 1899-12-30, as `.xlsx` stores dates), all read as UTC days.
public enum ImportDate {
    /// The date, or nil when the text is none of the accepted forms or names an impossible day.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let serial = Double(trimmed), trimmed.first?.isNumber == true, !trimmed.contains("-") {
            // 1 = 1900-01-01 … 2958465 = 9999-12-31; Excel's 1900 leap-year bug is why the epoch is 1899-12-30.
            guard serial >= 1, serial < 2_958_466 else { return nil }
            return Date(timeIntervalSince1970: (serial.rounded(.down) - 25_569) * 86_400)
        }
        let day = trimmed.prefix(10)
        let parts = day.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard day.count == 10, parts.count == 3, parts[0].count == 4,
              let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == dayOfMonth else { return nil }
        return date
    }
}
