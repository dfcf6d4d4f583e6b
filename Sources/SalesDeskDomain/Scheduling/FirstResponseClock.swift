import Foundation

/// A ticket's first-response clock: its target in business time, how much of it is used, and when it
/// warns and breaches. The clock stops while the ticket is Pending at Customer.
public struct FirstResponseClock: Equatable, Sendable {
    /// The first-response target in business seconds.
    public var targetSeconds: TimeInterval
    /// Share of the target at which the warning fires (0.8 = at 80 %).
    public var warnAtFraction: Double

    public init(targetSeconds: TimeInterval, warnAtFraction: Double) {
        self.targetSeconds = targetSeconds
        self.warnAtFraction = warnAtFraction
    }

    /// The clock of a ticket with `priority` under `routing`'s targets.
    public init(priority: TicketPriority, routing: TicketRouting) {
        self.init(targetSeconds: TimeInterval(routing.firstResponseTarget(for: priority) * 60), warnAtFraction: routing.warnAtFraction)
    }

    /// When the clock warns and breaches, given the business seconds used before the clock last
    /// (re)started at `runningSince`. An instant already used up is returned as `runningSince`.
    public func deadlines(usedSeconds: TimeInterval, runningSince: Date, hours: BusinessHours) -> (warning: Date, breach: Date) {
        let warnAt = (targetSeconds * warnAtFraction).rounded()
        return (
            hours.instant(afterBusinessSeconds: max(0, warnAt - usedSeconds), from: runningSince),
            hours.instant(afterBusinessSeconds: max(0, targetSeconds - usedSeconds), from: runningSince)
        )
    }
}
