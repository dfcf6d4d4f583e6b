import Foundation

/// How the scheduler claims, catches up, escalates and delivers; every value has a default.
public struct SchedulerSettings: Equatable, Sendable {
    /// How long a claim on due work holds before another scheduler may take the work over.
    public var leaseSeconds: TimeInterval
    /// A planned follow-up still not done this long after its due time escalates to the owner's manager.
    public var overdueEscalationSeconds: TimeInterval
    /// Work found this much later than its due time was missed (downtime) and goes into a digest.
    public var catchUpAfterSeconds: TimeInterval
    /// `scheduler status` and the desk call a scheduler dead after this long without a heartbeat.
    public var heartbeatStaleSeconds: TimeInterval
    /// An idle daemon looks for new work (one `PRAGMA data_version` read) this often.
    public var changeCheckSeconds: TimeInterval
    /// Ring the terminal bell in the desk when a notification arrives for the user.
    public var bell: Bool
    /// Reminder offsets per user handle (lower-cased); users not listed get the configuration's plan.
    public var reminderPlans: [String: ReminderPlan]
    /// Commands run once per notification.
    public var hooks: [NotificationHook]

    public init(
        leaseSeconds: TimeInterval = 60, overdueEscalationSeconds: TimeInterval = 86_400, catchUpAfterSeconds: TimeInterval = 900,
        heartbeatStaleSeconds: TimeInterval = 300, changeCheckSeconds: TimeInterval = 0.25, bell: Bool = false,
        reminderPlans: [String: ReminderPlan] = [:], hooks: [NotificationHook] = []
    ) {
        self.leaseSeconds = leaseSeconds
        self.overdueEscalationSeconds = overdueEscalationSeconds
        self.catchUpAfterSeconds = catchUpAfterSeconds
        self.heartbeatStaleSeconds = heartbeatStaleSeconds
        self.changeCheckSeconds = changeCheckSeconds
        self.bell = bell
        self.reminderPlans = reminderPlans
        self.hooks = hooks
    }

    public static let standard = SchedulerSettings()
}

/// A command run for every notification, with the notification as JSON on standard input and as
/// `SALESDESK_*` environment variables. Failures are retried with exponential backoff.
public struct NotificationHook: Equatable, Sendable {
    /// A short unique name (`desktop`, `chat`); deliveries are tracked per name.
    public var name: String
    /// Run with `/bin/sh -c`.
    public var command: String
    /// Attempts before the delivery is recorded as failed.
    public var maxAttempts: Int
    /// Wait before the first retry; doubles after each failure.
    public var retrySeconds: TimeInterval
    /// A run taking longer is killed and counts as a failure.
    public var timeoutSeconds: TimeInterval

    public init(name: String, command: String, maxAttempts: Int = 5, retrySeconds: TimeInterval = 30, timeoutSeconds: TimeInterval = 30) {
        self.name = name
        self.command = command
        self.maxAttempts = maxAttempts
        self.retrySeconds = retrySeconds
        self.timeoutSeconds = timeoutSeconds
    }

    /// When to try again after failed attempt number `attempt` (1-based), or nil when attempts are used up.
    public func retryAt(afterAttempt attempt: Int, failedAt: Date) -> Date? {
        guard attempt < maxAttempts else { return nil }
        return failedAt.addingTimeInterval(retrySeconds * pow(2, Double(attempt - 1)))
    }
}
