import Foundation

/// The growing ``BusinessDayIndex`` of one schedule, shared by every caller with an equal schedule.
///
/// The index starts around the first instant asked for and grows a year at a time in either
/// direction as instants outside it are asked for, but only over the local days of ``era``, so that
/// no range can grow it without limit (about 47,500 days at most) and what is indexed does not depend
/// on which instant came first. Instants whose days fall outside the era get no index: callers then
/// walk the days. Thread-safe: the index is grown under a lock and read as a copy.
final class BusinessDayLedger: @unchecked Sendable {
    /// The years whose local days may be indexed: from 1970 up to (not including) 2100.
    static let era = 1970..<2100
    /// How many days the index grows by when it must grow (about a year).
    static let chunkDays = 366

    private let hours: BusinessHours
    private let calendar: Calendar
    private let lock = NSLock()
    private var index: BusinessDayIndex?
    /// Noon of the first day asked for: days are counted from it (noon exists on every DST day).
    private var anchorNoon = Date(timeIntervalSinceReferenceDate: 0)
    /// Day numbers (relative to the anchor day) of the first indexed day and of the day after the last.
    private var firstDay = 0, endDay = 0
    /// Day numbers (relative to the anchor day) of the era's first day and of the day after its last.
    private var eraFirstDay = 0, eraEndDay = 0

    init(hours: BusinessHours) {
        self.hours = hours
        self.calendar = hours.calendar
    }

    /// How many days are indexed now.
    var dayCount: Int { lock.withLock { index?.dayCount ?? 0 } }

    /// The index covering the day that contains `instant` and the `daysAfter` days after it, with that
    /// day's position; nil when those days are not all in the era.
    func index(covering instant: Date, daysAfter: Int) -> (index: BusinessDayIndex, day: Int)? {
        lock.withLock {
            guard var index = index ?? start(at: instant) else { return nil }
            defer { self.index = index }
            let time = instant.timeIntervalSinceReferenceDate
            while time < index.start(ofDay: 0) {
                guard let earlier = days(from: max(firstDay - Self.chunkDays, eraFirstDay), to: firstDay) else { return nil }
                index.prepend(earlier.days)
                firstDay -= earlier.days.count
            }
            while time >= index.start(ofDay: index.dayCount) {
                guard grow(&index, toDay: endDay + Self.chunkDays) else { return nil }
            }
            guard let day = index.day(containing: time) else { return nil }
            while day + daysAfter >= index.dayCount {
                guard grow(&index, toDay: firstDay + day + daysAfter + Self.chunkDays) else { return nil }
            }
            return (index, day)
        }
    }

    /// A first index around the day of `instant` (a year before it, two after, within the era); nil
    /// when that day is outside the era.
    private func start(at instant: Date) -> BusinessDayIndex? {
        guard let eraStart = calendar.date(from: DateComponents(year: Self.era.lowerBound, month: 1, day: 1)),
              let eraEnd = calendar.date(from: DateComponents(year: Self.era.upperBound, month: 1, day: 1)),
              (eraStart..<eraEnd).contains(instant),
              let noon = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: instant),
              let before = calendar.dateComponents([.day], from: calendar.startOfDay(for: noon), to: eraStart).day,
              let after = calendar.dateComponents([.day], from: calendar.startOfDay(for: noon), to: eraEnd).day
        else { return nil }
        anchorNoon = noon
        eraFirstDay = before
        eraEndDay = after
        firstDay = max(-Self.chunkDays, eraFirstDay)
        endDay = min(2 * Self.chunkDays, eraEndDay)
        guard let first = days(from: firstDay, to: endDay) else { return nil }
        return BusinessDayIndex(days: first.days, end: first.end)
    }

    /// Adds days after the index up to day number `target` (within the era); false when none can be added.
    private func grow(_ index: inout BusinessDayIndex, toDay target: Int) -> Bool {
        guard let later = days(from: endDay, to: min(target, eraEndDay)) else { return false }
        index.append(later.days, end: later.end)
        endDay += later.days.count
        return true
    }

    /// The days numbered `from..<to` and the start of day `to`; nil when the range is empty or the
    /// calendar can't place a day.
    private func days(from: Int, to: Int) -> (days: [BusinessDayIndex.Day], end: TimeInterval)? {
        guard from < to, let end = start(ofDay: to) else { return nil }
        var days: [BusinessDayIndex.Day] = []
        days.reserveCapacity(to - from)
        for number in from..<to {
            guard let start = start(ofDay: number) else { return nil }
            let window = hours.openInterval(on: start, calendar: calendar)
            days.append(.init(start: start.timeIntervalSinceReferenceDate, window: window.map {
                ($0.start.timeIntervalSinceReferenceDate, $0.end.timeIntervalSinceReferenceDate)
            }))
        }
        return (days, end.timeIntervalSinceReferenceDate)
    }

    private func start(ofDay number: Int) -> Date? {
        calendar.date(byAdding: .day, value: number, to: anchorNoon).map(calendar.startOfDay(for:))
    }
}
