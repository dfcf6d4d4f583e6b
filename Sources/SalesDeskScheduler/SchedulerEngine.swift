import Foundation
import Logging
import SalesDeskDomain
import SalesDeskStore

/// The firing engine: one pass claims due work, fires it exactly once, runs notification hooks and
/// records a heartbeat. It holds no timers; ``SchedulerDaemon`` and the desk decide when to call it.
///
/// ```swift
/// let engine = SchedulerEngine(database: database, now: { Date() })
/// let report = try engine.runPass()
/// // sleep until report.nextDueAt
/// ```
public final class SchedulerEngine: @unchecked Sendable {
    /// The database the engine fires from.
    public let database: AppDatabase
    /// This engine's name in claims and heartbeats: `host:pid:random`.
    public let claimer: String
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let startedAt: Date
    private let afterClaim: @Sendable ([DueWork]) -> Void
    private let runsHooks: Bool

    /// - Parameters:
    ///   - now: calendar time (injected so tests choose the instant).
    ///   - runsHooks: whether this engine delivers notification hooks (the desk's does not, so a slow hook
    ///     can never freeze a terminal; the daemon or cron pass delivers them).
    ///   - afterClaim: called between claiming and firing (the CLI's crash drill holds there; tests leave it alone).
    public init(database: AppDatabase, claimer: String? = nil, now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "salesdesk.scheduler"),
                runsHooks: Bool = true, afterClaim: @escaping @Sendable ([DueWork]) -> Void = { _ in }) {
        self.database = database
        self.claimer = claimer ?? Self.defaultClaimer()
        self.now = now
        self.logger = logger
        self.afterClaim = afterClaim
        self.runsHooks = runsHooks
        startedAt = now()
    }

    private var settings: SchedulerSettings { database.configuration.scheduler }
    private var hooks: [NotificationHook] { runsHooks ? settings.hooks : [] }

    /// Runs one pass at the current instant and returns what it did.
    @discardableResult
    public func runPass() throws -> PassReport {
        let at = now()
        let hookNames = hooks.map(\.name)
        try database.enqueueHookDeliveries(hooks: hookNames, now: at)
        var firing = FiringReport()
        var claimed: [DueWork]
        repeat {
            claimed = try database.claimDueWork(claimer: claimer, now: at, lease: settings.leaseSeconds)
            if !claimed.isEmpty { afterClaim(claimed) }
            let batch = try database.fireDueWork(claimed, claimer: claimer, now: at, catchUpAfter: settings.catchUpAfterSeconds)
            firing.notified += batch.notified
            firing.digested += batch.digested
            firing.digests += batch.digests
            firing.dropped += batch.dropped
        } while claimed.count >= 5_000
        try database.takeWeeklyForecastSnapshot(at: at, by: claimer)
        try database.sendDueReportDigests(now: at)
        try database.enqueueHookDeliveries(hooks: hookNames, now: at)
        let (delivered, failed) = try deliverHooks(at: at)
        let next = try database.nextDueInstant(includingHooks: !hooks.isEmpty)
        try database.recordHeartbeat(SchedulerHeartbeat(
            claimer: claimer, pid: getpid(), host: ProcessInfo.processInfo.hostName, startedAt: startedAt, beatAt: at, lastPassAt: at,
            lastFired: firing.handled, nextDueAt: next))
        if firing.handled > 0 || delivered + failed > 0 {
            logger.info("pass", metadata: [
                "notified": "\(firing.notified)", "digested": "\(firing.digested)", "dropped": "\(firing.dropped)",
                "hooks_delivered": "\(delivered)", "hooks_failed": "\(failed)",
            ])
        }
        return PassReport(at: at, firing: firing, hooksDelivered: delivered, hooksFailed: failed, nextDueAt: next)
    }

    /// Runs each due hook delivery outside any transaction; a failure is recorded with its retry time
    /// and never stops the other deliveries.
    private func deliverHooks(at: Date) throws -> (delivered: Int, failed: Int) {
        guard !hooks.isEmpty else { return (0, 0) }
        let hooksByName = Dictionary(hooks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var delivered = 0, failed = 0
        for delivery in try database.claimHookDeliveries(claimer: claimer, now: at, lease: settings.leaseSeconds) {
            guard let hook = hooksByName[delivery.hook] else {
                try database.recordHookAttempt(delivery.id, claimer: claimer, now: at, error: "hook '\(delivery.hook)' is no longer configured", retryAt: nil)
                failed += 1
                continue
            }
            let error = HookCommand(command: hook.command, timeout: hook.timeoutSeconds).run(delivery)
            let retryAt = error == nil ? nil : hook.retryAt(afterAttempt: delivery.attempts + 1, failedAt: at)
            try database.recordHookAttempt(delivery.id, claimer: claimer, now: at, error: error, retryAt: retryAt)
            if let error {
                failed += 1
                logger.warning("hook failed", metadata: ["hook": "\(hook.name)", "notification": "\(delivery.notification.id)", "error": "\(error)"])
            } else {
                delivered += 1
            }
        }
        return (delivered, failed)
    }

    /// `host:pid:random`, unique per engine.
    public static func defaultClaimer() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UInt32.random(in: 0...UInt32.max))"
    }
}
