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
    let afterEventClaim: @Sendable () -> Void
    private let runsHooks: Bool
    /// Delivers this engine's hooks off the pass (nil when it runs none).
    public let hookWorker: HookWorker?
    /// What the rules' part of the pass remembers between passes (an idle pass asks one question).
    let automationWatch = AutomationWatch()

    /// - Parameters:
    ///   - now: calendar time (injected so tests choose the instant).
    ///   - runsHooks: whether this engine delivers notification hooks (the desk's does not, so a slow hook
    ///     can never freeze a terminal; the daemon or cron pass delivers them).
    ///   - afterClaim: called between claiming due work and firing it (the CLI's crash drill holds there; tests leave it alone).
    ///   - afterEventClaim: called between claiming the rules' event stream and firing rules (the crash drill again).
    public init(database: AppDatabase, claimer: String? = nil, now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "salesdesk.scheduler"),
                runsHooks: Bool = true, afterClaim: @escaping @Sendable ([DueWork]) -> Void = { _ in },
                afterEventClaim: @escaping @Sendable () -> Void = {}) {
        self.afterEventClaim = afterEventClaim
        self.database = database
        self.claimer = claimer ?? Self.defaultClaimer()
        self.now = now
        self.logger = logger
        self.afterClaim = afterClaim
        self.runsHooks = runsHooks
        startedAt = now()
        let hooks = runsHooks ? database.configuration.scheduler.hooks : []
        hookWorker = hooks.isEmpty ? nil : HookWorker(database: database, claimer: self.claimer, hooks: hooks, now: now, logger: logger)
    }

    private var settings: SchedulerSettings { database.configuration.scheduler }
    /// Due items claimed (and fired in one transaction) at a time.
    static let claimBatch = 5_000
    private var hooks: [NotificationHook] { runsHooks ? settings.hooks : [] }

    /// Runs one pass at the current instant and returns what it did.
    ///
    /// Due hook deliveries are handed to the ``hookWorker``; with `waitingForHooks` (one-off passes, tests)
    /// the pass waits for them and reports them, otherwise (the daemon) it returns at once and reports the
    /// deliveries that finished since the previous pass.
    ///
    /// With `maxItems`, the pass handles at most that many due items (a desk's launch pass on a file idle for
    /// days can find tens of thousands: bounded, it returns within a frame or two; the report's `nextDueAt` is then
    /// already due, so the next tick carries on). Without it, everything due is handled.
    @discardableResult
    public func runPass(waitingForHooks: Bool = true, maxItems: Int? = nil) throws -> PassReport {
        let at = now()
        let hookNames = hooks.map(\.name)
        try database.enqueueHookDeliveries(hooks: hookNames, now: at)
        var firing = FiringReport()
        var claimed: [DueWork]
        var remaining = maxItems ?? Int.max
        var batch = 0
        repeat {
            batch = min(Self.claimBatch, remaining)
            claimed = try database.claimDueWork(claimer: claimer, now: at, lease: settings.leaseSeconds, limit: batch)
            remaining -= claimed.count
            if !claimed.isEmpty { afterClaim(claimed) }
            let fired = try database.fireDueWork(claimed, claimer: claimer, now: at, catchUpAfter: settings.catchUpAfterSeconds)
            firing.notified += fired.notified
            firing.digested += fired.digested
            firing.digests += fired.digests
            firing.dropped += fired.dropped
        } while claimed.count >= batch && remaining > 0
        try database.takeWeeklyForecastSnapshot(at: at, by: claimer)
        try database.sendDueReportDigests(now: at)
        let automation = try runAutomation(at: at, hooks: hooks)
        try database.enqueueHookDeliveries(hooks: hookNames, now: at)
        try hookWorker?.dispatch()
        if waitingForHooks { hookWorker?.waitUntilIdle() }
        let (delivered, failed) = hookWorker?.takeFinished() ?? (0, 0)
        let next = try database.nextDueInstant(includingHooks: !hooks.isEmpty)
        try database.recordHeartbeat(SchedulerHeartbeat(
            claimer: claimer, pid: getpid(), host: ProcessInfo.processInfo.hostName, startedAt: startedAt, beatAt: now(), lastPassAt: at,
            lastFired: firing.handled, nextDueAt: next))
        if firing.handled > 0 || delivered + failed > 0 {
            logger.info("pass", metadata: [
                "notified": "\(firing.notified)", "digested": "\(firing.digested)", "dropped": "\(firing.dropped)",
                "hooks_delivered": "\(delivered)", "hooks_failed": "\(failed)",
            ])
        }
        return PassReport(at: at, firing: firing, hooksDelivered: delivered, hooksFailed: failed, nextDueAt: next, automation: automation)
    }

    /// Records a sign of life between passes (``SchedulerDaemon`` beats while a long pass or hook runs),
    /// leaving the last pass's figures as they are.
    public func beat() throws {
        try database.recordBeat(claimer: claimer, pid: getpid(), host: ProcessInfo.processInfo.hostName, startedAt: startedAt, at: now())
    }

    /// `host:pid:random`, unique per engine.
    public static func defaultClaimer() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UInt32.random(in: 0...UInt32.max))"
    }
}
