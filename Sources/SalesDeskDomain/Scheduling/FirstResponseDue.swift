import Foundation

/// Where a ticket's first-response clock stands, for showing it: when it warns and breaches in wall-clock
/// time (worked out once, in business time), or, while the ticket is Pending at Customer, how much is left.
///
/// ```swift
/// let due = FirstResponseDue(clock: clock, usedSeconds: 0, runningSince: created, hours: team.hours)
/// due.state(at: now)             // .ok, .atRisk, .breached or .paused
/// due.remainingSeconds(at: now)  // business seconds left before the breach
/// ```
public struct FirstResponseDue: Equatable, Sendable {
    /// The clock's state at an instant.
    public enum State: Equatable, Sendable { case ok, atRisk, breached, paused }

    /// When the warning fires; nil while paused.
    public var warningAt: Date?
    /// When the target is missed; nil while paused.
    public var breachAt: Date?
    /// Business seconds left while paused (the clock does not run).
    public var pausedRemaining: TimeInterval?
    /// The calendar the clock counts in.
    public var hours: BusinessHours

    /// The clock of a ticket that used `usedSeconds` before it last (re)started at `runningSince`
    /// (nil: paused now).
    public init(clock: FirstResponseClock, usedSeconds: TimeInterval, runningSince: Date?, hours: BusinessHours) {
        self.hours = hours
        if let runningSince {
            let deadlines = clock.deadlines(usedSeconds: usedSeconds, runningSince: runningSince, hours: hours)
            warningAt = deadlines.warning
            breachAt = deadlines.breach
        } else {
            pausedRemaining = max(0, clock.targetSeconds - usedSeconds)
        }
    }

    /// The state at `now`.
    public func state(at now: Date) -> State {
        if let breachAt, let warningAt {
            if now >= breachAt { return .breached }
            return now >= warningAt ? .atRisk : .ok
        }
        return .paused
    }

    /// Business seconds left before the breach at `now` (0 once breached); while paused, what is left.
    public func remainingSeconds(at now: Date) -> TimeInterval {
        guard let breachAt else { return pausedRemaining ?? 0 }
        return hours.businessSeconds(from: now, to: breachAt)
    }
}
