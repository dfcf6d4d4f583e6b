import Foundation

/// How far a lead has stalled: past its stage's threshold (nudge the owner) or past twice it
/// (escalate to the owner's manager).
public enum StallLevel: Int, CaseIterable, Codable, Sendable {
    case nudge = 1
    case escalation = 2

    /// How long a lead must sit untouched in `stage` to reach this level; nil when the stage never stalls.
    public func threshold(for stage: StageDefinition) -> TimeInterval? {
        stage.stallDays.map { TimeInterval($0 * 86_400 * rawValue) }
    }

    /// Leads last touched at or before this instant have reached the level at `now`.
    public func cutoff(for stage: StageDefinition, now: Date) -> Date? {
        threshold(for: stage).map { now.addingTimeInterval(-$0) }
    }

    /// The notification kind a firing of this level writes.
    public var notificationKind: Notification.Kind { self == .nudge ? .stallNudge : .escalation }
}
