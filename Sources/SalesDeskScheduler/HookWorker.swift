import Foundation
import Logging
import SalesDeskDomain
import SalesDeskStore

/// Delivers notification hooks on its own threads, off the scheduler's pass: a hook that hangs until
/// its timeout delays nothing but its own deliveries.
///
/// At most ``concurrencyPerHook`` deliveries of one hook run at once, so a slow hook cannot take the
/// slots of a fast one. Each delivery is claimed with a lease longer than its hook's timeout, so no other
/// scheduler runs it twice; ``stop()`` kills every running hook's process group (SIGTERM honoured at once).
///
/// ```swift
/// let worker = HookWorker(database: database, claimer: engine.claimer, hooks: settings.hooks, now: { Date() })
/// try worker.dispatch()      // starts what is due and returns
/// worker.waitUntilIdle()     // `scheduler --once` waits for its deliveries
/// ```
public final class HookWorker: @unchecked Sendable {
    /// Deliveries of one hook that may run at the same time.
    public static let concurrencyPerHook = 2

    private let database: AppDatabase
    private let claimer: String
    private let hooks: [String: NotificationHook]
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let lease: TimeInterval
    private let processes = HookProcesses()
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var running: [String: Int] = [:]
    private var delivered = 0
    private var failed = 0
    private var stopped = false

    public init(database: AppDatabase, claimer: String, hooks: [NotificationHook], now: @escaping @Sendable () -> Date,
                logger: Logger = Logger(label: "salesdesk.scheduler")) {
        self.database = database
        self.claimer = claimer
        self.hooks = Dictionary(hooks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
        self.logger = logger
        // The lease outlives the slowest hook's timeout, so a delivery still running is never claimed again.
        lease = max(database.configuration.scheduler.leaseSeconds, (hooks.map(\.timeoutSeconds).max() ?? 0) + 60)
    }

    /// Claims the due deliveries each hook has free slots for and starts them; returns how many started.
    /// A delivery for a hook no longer configured is recorded as failed for good.
    @discardableResult
    public func dispatch() throws -> Int {
        var started = 0
        for hook in try database.pendingHookNames(claimer: claimer, now: now()) {
            guard let settings = hooks[hook] else {
                for delivery in try database.claimHookDeliveries(claimer: claimer, now: now(), lease: lease, hook: hook) {
                    try database.recordHookAttempt(delivery.id, claimer: claimer, now: now(), error: "hook '\(hook)' is no longer configured", retryAt: nil)
                    count(failed: true)
                }
                continue
            }
            let free = lock.withLock { stopped ? 0 : Self.concurrencyPerHook - running[hook, default: 0] }
            guard free > 0 else { continue }
            for delivery in try database.claimHookDeliveries(claimer: claimer, now: now(), lease: lease, limit: free, hook: hook) {
                lock.withLock { running[hook, default: 0] += 1 }
                started += 1
                group.enter()
                Thread.detachNewThread { [self] in
                    defer {
                        lock.withLock { running[hook, default: 1] -= 1 }
                        group.leave()
                    }
                    deliver(delivery, with: settings)
                }
            }
        }
        return started
    }

    /// Blocks until every started delivery has finished (each is bounded by its hook's timeout).
    public func waitUntilIdle() { group.wait() }

    /// Deliveries finished since the last call: delivered and failed.
    public func takeFinished() -> (delivered: Int, failed: Int) {
        lock.withLock {
            defer { (delivered, failed) = (0, 0) }
            return (delivered, failed)
        }
    }

    /// Starts nothing more and kills the process group of every running hook; their deliveries are
    /// retried after their lease by the next scheduler.
    public func stop() {
        lock.withLock { stopped = true }
        processes.killAll()
    }

    private func deliver(_ delivery: HookDelivery, with hook: NotificationHook) {
        let error = HookCommand(command: hook.command, timeout: hook.timeoutSeconds, processes: processes).run(delivery)
        if lock.withLock({ stopped }) && error != nil { return } // killed by stop(): leave it to the lease
        let at = now()
        let retryAt = error == nil ? nil : hook.retryAt(afterAttempt: delivery.attempts + 1, failedAt: at)
        do {
            try database.recordHookAttempt(delivery.id, claimer: claimer, now: at, error: error, retryAt: retryAt)
        } catch {
            logger.error("cannot record a hook delivery", metadata: ["hook": "\(hook.name)", "error": "\(error)"])
        }
        count(failed: error != nil)
        if let error {
            logger.warning("hook failed", metadata: ["hook": "\(hook.name)", "notification": "\(delivery.notification.id)", "error": "\(error)"])
        }
    }

    private func count(failed isFailure: Bool) {
        lock.withLock {
            if isFailure { failed += 1 } else { delivered += 1 }
        }
    }
}

/// The process groups of the hooks running now, so they can be killed as a whole.
final class HookProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var killing = false

    /// Registers a started hook's process group; false (and the group is killed) after ``killAll()``.
    func register(_ group: pid_t) -> Bool {
        let accepted = lock.withLock { killing ? false : groups.insert(group).inserted }
        if !accepted { kill(-group, SIGKILL) }
        return accepted
    }

    func unregister(_ group: pid_t) { _ = lock.withLock { groups.remove(group) } }

    /// Kills every registered group and refuses new ones.
    func killAll() {
        let all = lock.withLock {
            killing = true
            return groups
        }
        for group in all { kill(-group, SIGKILL) }
    }
}
