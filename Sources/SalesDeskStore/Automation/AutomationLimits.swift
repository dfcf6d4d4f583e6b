import Foundation

/// The engine's guards and retry policy, written once.
public enum AutomationLimits {
    /// A chain of rule firings (rule → change → rule …) stops at this depth.
    public static let maxChainDepth = 5
    /// A rule firing more often than this for one record within an hour is paused and its author told.
    public static let maxFiringsPerRecordPerHour = 20
    /// A failing firing or hook is tried this many times in all.
    public static let maxAttempts = 5
    /// The first retry waits this long; each further one twice as long.
    public static let firstRetrySeconds: TimeInterval = 60
    /// Events read per batch.
    public static let eventBatch = 2_000
    /// Subjects (leads) read ahead in one query, for a batch of events or of dry-run moments.
    public static let subjectBatch = 1_000

    /// When attempt `attempts + 1` happens, or nil when there is none left.
    public static func retryAt(afterAttempt attempts: Int, failedAt: Date) -> Date? {
        guard attempts < maxAttempts else { return nil }
        return failedAt.addingTimeInterval(firstRetrySeconds * pow(2, Double(attempts - 1)))
    }
}
