import Foundation

/// A ticket's first-response record, for the ticket detail: met, breached (answered late or never),
/// still running, or closed before its target without a reply.
///
/// ```swift
/// switch detail.firstResponseRecord {
/// case .met(let at): "first response: \(at)"
/// case .breached(let at, let answeredAt): "first response: missed the target at \(at)" + ...
/// case .running(let due): due.state(at: now)
/// case .closedWithoutReply: "first response: none (closed before the target)"
/// }
/// ```
public enum FirstResponseRecord: Equatable, Sendable {
    /// Answered within the target, at this instant.
    case met(at: Date)
    /// The target was missed at `at`; `answeredAt` is the late first response, nil when none came.
    case breached(at: Date, answeredAt: Date?)
    /// No response yet and the ticket is open: the clock (running or paused).
    case running(FirstResponseDue)
    /// Resolved or closed before its target was reached, with no reply to the customer.
    case closedWithoutReply

    /// The record from what the store keeps: the first response, the breach recorded when it happened
    /// (by the scheduler, a late reply, a pause or settling the ticket), whether the ticket is resolved or closed,
    /// and its clock. The recorded breach is the only judge once the ticket is answered or settled — a later change
    /// of priority or team does not re-judge it; files from before breaches were recorded had theirs filled in by
    /// migration `v13a`. The support report judges by the same rule.
    public static func of(firstResponseAt: Date?, recordedBreachAt: Date?, isClosed: Bool, clock: FirstResponseDue) -> FirstResponseRecord {
        if let recordedBreachAt { return .breached(at: recordedBreachAt, answeredAt: firstResponseAt) }
        if let firstResponseAt { return .met(at: firstResponseAt) }
        return isClosed ? .closedWithoutReply : .running(clock)
    }
}

extension FirstResponseRecord {
    /// The record in words, times in `zone`: `met Mon 23 Nov at 11:00`, `missed the target at Mon 23 Nov at 12:00,
    /// answered Mon 23 Nov at 13:00`, `missed the target at …, no reply`, `none (closed before the target)`,
    /// `due by Mon 23 Nov at 12:00`, `paused while Pending at Customer`.
    public func summary(in zone: TimeZone) -> String {
        switch self {
        case .met(let at):
            return "met \(TimeWords.dayAndTime(at, in: zone))"
        case .breached(let at, let answeredAt):
            let missed = "missed the target at \(TimeWords.dayAndTime(at, in: zone))"
            return missed + (answeredAt.map { ", answered \(TimeWords.dayAndTime($0, in: zone))" } ?? ", no reply")
        case .running(let due):
            return due.breachAt.map { "due by \(TimeWords.dayAndTime($0, in: zone))" } ?? "paused while Pending at Customer"
        case .closedWithoutReply:
            return "none (closed before the target)"
        }
    }
}
