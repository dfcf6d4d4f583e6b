import Foundation

/// Consecutive local days of one schedule, each with its open window and the open seconds of all
/// earlier days in the index, so business time between two instants is two binary searches.
///
/// Instants are seconds since the reference date. A closed day (weekend, holiday, no window) has an
/// empty window at its start. The windows come from ``BusinessHours/openInterval(on:calendar:)``,
/// the one definition of a day's opening hours.
struct BusinessDayIndex: Sendable {
    /// The start of each indexed day, then the start of the day after the last (one more than days).
    private(set) var dayStarts: [TimeInterval] = []
    /// When each day's window opens (its start when closed).
    private(set) var opens: [TimeInterval] = []
    /// When each day's window closes (its start when closed).
    private(set) var closes: [TimeInterval] = []
    /// Open seconds of the days before each day, then after the last (one more than days); only
    /// differences matter, so the first entry is any value (days prepended later go below it).
    private(set) var openBefore: [TimeInterval] = []

    /// How many days are indexed.
    var dayCount: Int { opens.count }

    /// One local day to index: its start instant and its open window, if any.
    struct Day {
        var start: TimeInterval
        var window: (open: TimeInterval, close: TimeInterval)?

        var open: TimeInterval { window?.open ?? start }
        var close: TimeInterval { window?.close ?? start }
    }

    /// An index of `days` (in order), where `end` is the start of the day after the last.
    init(days: [Day], end: TimeInterval) {
        append(days, end: end)
    }

    /// Adds `days` after the last indexed day; `end` is the start of the day after them.
    mutating func append(_ days: [Day], end: TimeInterval) {
        var total = openBefore.last ?? 0
        if dayStarts.isEmpty { openBefore = [total] } else { dayStarts.removeLast() }
        for day in days {
            dayStarts.append(day.start)
            opens.append(day.open)
            closes.append(day.close)
            total += day.close - day.open
            openBefore.append(total)
        }
        dayStarts.append(end)
    }

    /// Adds `days` before the first indexed day; the last of them must end where the index starts.
    mutating func prepend(_ days: [Day]) {
        var total = openBefore.first ?? 0
        var earlierOpenBefore: [TimeInterval] = []
        earlierOpenBefore.reserveCapacity(days.count)
        for day in days.reversed() {
            total -= day.close - day.open
            earlierOpenBefore.append(total)
        }
        dayStarts.insert(contentsOf: days.map(\.start), at: 0)
        opens.insert(contentsOf: days.map(\.open), at: 0)
        closes.insert(contentsOf: days.map(\.close), at: 0)
        openBefore.insert(contentsOf: earlierOpenBefore.reversed(), at: 0)
    }

    /// The indexed day that contains `instant`, or nil when it lies before or after the index.
    func day(containing instant: TimeInterval) -> Int? {
        guard let first = dayStarts.first, let end = dayStarts.last, instant >= first, instant < end else { return nil }
        var low = 0, high = dayCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if dayStarts[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The start of day `day`, or of the day after the index when `day` is `dayCount`.
    func start(ofDay day: Int) -> TimeInterval { dayStarts[day] }

    /// Open seconds of day `day` that lie in `from..<to`.
    private func openSeconds(ofDay day: Int, from: TimeInterval, to: TimeInterval) -> TimeInterval {
        max(0, min(closes[day], to) - max(opens[day], from))
    }

    /// Open seconds between `start` in day `startDay` and `end` in day `endDay` (`start < end`).
    func businessSeconds(from start: TimeInterval, inDay startDay: Int, to end: TimeInterval, inDay endDay: Int) -> TimeInterval {
        let head = openSeconds(ofDay: startDay, from: start, to: end)
        guard endDay > startDay else { return head }
        let whole = openBefore[endDay] - openBefore[startDay + 1]
        return head + whole + openSeconds(ofDay: endDay, from: start, to: end)
    }

    /// The instant at which `seconds` (> 0) open seconds have passed since `start` in day `startDay`,
    /// counting the windows of days up to `lastDay` only; nil when they don't hold that many.
    func instant(afterBusinessSeconds seconds: TimeInterval, from start: TimeInterval, inDay startDay: Int, lastDay: Int) -> TimeInterval? {
        let first = openSeconds(ofDay: startDay, from: start, to: closes[startDay])
        if first >= seconds { return max(opens[startDay], start) + seconds }
        // Open seconds counted before day d are openBefore[d] - openBefore[startDay + 1] + first.
        let target = seconds - first + openBefore[startDay + 1]
        guard startDay < lastDay, openBefore[lastDay + 1] >= target else { return nil }
        // The first day whose window brings the count to `seconds`.
        var low = startDay + 1, high = lastDay
        while low < high {
            let middle = (low + high) / 2
            if openBefore[middle + 1] >= target { high = middle } else { low = middle + 1 }
        }
        let consumed = openBefore[low] - openBefore[startDay + 1] + first
        return opens[low] + (seconds - consumed)
    }
}
