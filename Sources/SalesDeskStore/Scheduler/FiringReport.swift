import Foundation

/// What one scheduler pass did with the work it found.
public struct FiringReport: Equatable, Sendable {
    /// Notifications written for work fired on time.
    public var notified = 0
    /// Missed items counted into "while you were away" digests.
    public var digested = 0
    /// Digest notifications written (one per user with missed items).
    public var digests = 0
    /// Work dropped: a "before" reminder whose event passed, or work whose record moved on (done, answered).
    public var dropped = 0

    public init() {}

    /// Everything handled, whatever the outcome.
    public var handled: Int { notified + digested + dropped }
}
