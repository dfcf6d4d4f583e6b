import Foundation

extension FirstResponseClock {
    /// The clock as a ticket's history ran it: from `start` (creation) to `end` (the first response, or when the
    /// ticket was closed), stopped during `pauses` (its waits at Pending at Customer).
    ///
    /// - Returns: the business seconds used by `end` (what the first response took), and the instant the target was
    ///   reached — the breach — when that happened by `end`.
    ///
    /// The live clock (``deadlines(usedSeconds:runningSince:hours:)``) and this replay count the same seconds: the
    /// live one banks them at each pause, the replay sums the running stretches between `start` and `end`.
    public func replay(from start: Date, to end: Date, pauses: [DateInterval], hours: BusinessHours) -> (usedSeconds: TimeInterval, breachAt: Date?) {
        var used: TimeInterval = 0
        var breachAt: Date?
        var cursor = start
        func run(until stop: Date) {
            guard stop > cursor else { return }
            let seconds = hours.businessSeconds(from: cursor, to: stop)
            if breachAt == nil, used + seconds >= targetSeconds {
                breachAt = hours.instant(afterBusinessSeconds: max(0, targetSeconds - used), from: cursor)
            }
            used += seconds
        }
        for pause in pauses.sorted(by: { $0.start < $1.start }) where pause.end > cursor {
            run(until: min(pause.start, end))
            cursor = max(cursor, pause.end)
            if cursor >= end { break }
        }
        run(until: end)
        return (used, breachAt)
    }
}
