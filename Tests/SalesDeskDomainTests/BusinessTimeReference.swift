import Foundation
import SalesDeskDomain

/// Business-time arithmetic worked out the plain way, to check the day index against: every local day
/// from the day of the start is resolved with `Calendar` (weekday window, holiday, wall-clock times)
/// for two years (731 days), as the arithmetic did before the index.
struct BusinessTimeReference {
    let hours: BusinessHours
    let calendar: Calendar

    init(_ hours: BusinessHours) {
        self.hours = hours
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: hours.timeZoneID)!
        self.calendar = calendar
    }

    /// Open seconds between `start` and `end`, window by window.
    func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        forEachWindow(from: start) { window in
            guard window.start < end else { return false }
            total += min(window.end, end).timeIntervalSince(max(window.start, start))
            return true
        }
        return total
    }

    /// The instant `seconds` open seconds after `start`, or `distantFuture` beyond the two years.
    func instant(afterBusinessSeconds seconds: TimeInterval, from start: Date) -> Date {
        guard seconds > 0 else { return start }
        var remaining = seconds
        var found: Date?
        forEachWindow(from: start) { window in
            let from = max(window.start, start)
            let available = window.end.timeIntervalSince(from)
            if available >= remaining {
                found = from.addingTimeInterval(remaining)
                return false
            }
            remaining -= available
            return true
        }
        return found ?? .distantFuture
    }

    /// Calls `body` with each open window ending after `start`, in order, until it returns false.
    private func forEachWindow(from start: Date, _ body: (DateInterval) -> Bool) {
        let firstDay = calendar.startOfDay(for: start)
        for offset in 0..<731 {
            let day = calendar.date(byAdding: .day, value: offset, to: firstDay)!
            guard let window = window(on: day), window.end > start else { continue }
            if !body(window) { return }
        }
    }

    /// The open window of the local day containing `day`, or nil when the day is closed.
    func window(on day: Date) -> DateInterval? {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        let isoWeekday = parts.weekday == 1 ? 7 : parts.weekday! - 1
        guard let window = hours.windows[isoWeekday], window.closeMinute > window.openMinute else { return nil }
        guard !hours.holidays.contains(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)) else { return nil }
        func local(_ minute: Int) -> Date {
            calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: minute / 60, minute: minute % 60))!
        }
        let open = local(window.openMinute), close = local(window.closeMinute)
        return close > open ? DateInterval(start: open, end: close) : nil
    }

    /// Open seconds between whole minutes `start` and `end`, counted one minute at a time from the
    /// local wall clock (a minute is open when its local time of day is inside the weekday's window).
    func businessSecondsByMinute(from start: Date, to end: Date) -> TimeInterval {
        var total: TimeInterval = 0
        var minute = start
        while minute < end {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: minute)
            let isoWeekday = parts.weekday == 1 ? 7 : parts.weekday! - 1
            let key = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let minuteOfDay = parts.hour! * 60 + parts.minute!
            if let window = hours.windows[isoWeekday], !hours.holidays.contains(key),
               (window.openMinute..<window.closeMinute).contains(minuteOfDay) {
                total += 60
            }
            minute.addTimeInterval(60)
        }
        return total
    }
}

/// A small seeded random source (xorshift64*), so generated cases are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
