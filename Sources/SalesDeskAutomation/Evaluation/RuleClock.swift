import Foundation
import SalesDeskDomain

/// The instant and calendar a rule is evaluated in: `now` is injected, never read.
public struct RuleClock: Sendable {
    public var now: Date
    /// The team's business calendar.
    public var businessHours: BusinessHours

    public init(now: Date, businessHours: BusinessHours) {
        self.now = now
        self.businessHours = businessHours
    }

    /// One business day: the open seconds of the calendar's Monday window (8 hours when Monday is closed).
    public var businessDaySeconds: TimeInterval {
        guard let monday = businessHours.windows[1], monday.closeMinute > monday.openMinute else { return 8 * 3_600 }
        return TimeInterval((monday.closeMinute - monday.openMinute) * 60)
    }

    /// `duration` after `start`: business units through the calendar, calendar units on the wall clock.
    public func instant(after duration: RuleDuration, from start: Date, stallDays: Int?) -> Date {
        switch duration {
        case .stallThreshold(let times): return start.addingTimeInterval(TimeInterval(times * (stallDays ?? 0)) * 86_400)
        case .amount(let count, let unit):
            if let seconds = unit.calendarSeconds { return start.addingTimeInterval(Double(count) * seconds) }
            let open = unit == .businessHours ? Double(count) * 3_600 : Double(count) * businessDaySeconds
            return businessHours.instant(afterBusinessSeconds: open, from: start)
        }
    }

    /// Whether `duration` has passed between `start` and now.
    public func hasElapsed(_ duration: RuleDuration, since start: Date, stallDays: Int?) -> Bool {
        instant(after: duration, from: start, stallDays: stallDays) <= now
    }

    /// The latest start from which `duration` has passed by `end`: the cutoff of a time-trigger scan.
    ///
    /// Calendar units subtract; business units search the calendar (to the second) for the last such start.
    public func latestStart(reaching end: Date, after duration: RuleDuration, stallDays: Int?) -> Date {
        switch duration {
        case .stallThreshold, .amount(_, .minutes), .amount(_, .hours), .amount(_, .days):
            let length = instant(after: duration, from: end, stallDays: stallDays).timeIntervalSince(end)
            return end.addingTimeInterval(-length)
        case .amount(let count, _):
            var low = end.addingTimeInterval(-Double(count + 3) * 7 * 86_400 - 31 * 86_400)
            var high = end
            while high.timeIntervalSince(low) > 1 {
                let middle = low.addingTimeInterval(high.timeIntervalSince(low) / 2)
                if instant(after: duration, from: middle, stallDays: stallDays) <= end { low = middle } else { high = middle }
            }
            let whole = Date(timeIntervalSince1970: high.timeIntervalSince1970.rounded(.down))
            return instant(after: duration, from: whole, stallDays: stallDays) <= end ? whole : whole.addingTimeInterval(-1)
        }
    }

    /// Whether now is inside the calendar's open hours.
    public var isWithinBusinessHours: Bool {
        businessHours.businessSeconds(from: now, to: now.addingTimeInterval(1)) > 0
    }
}
