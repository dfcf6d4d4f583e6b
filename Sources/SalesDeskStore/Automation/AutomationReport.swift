/// What one automation pass did.
public struct AutomationReport: Equatable, Sendable {
    /// Events read from the log.
    public var events = 0
    /// Firings whose actions were all performed.
    public var fired = 0
    /// Firings that failed (a retry may be planned).
    public var failed = 0
    /// Firings stopped by a loop guard.
    public var stopped = 0
    /// Whether another engine held the event stream, so this pass read no events.
    public var streamBusy = false

    public init() {}

    mutating func add(_ other: AutomationReport) {
        events += other.events
        fired += other.fired
        failed += other.failed
        stopped += other.stopped
    }
}
