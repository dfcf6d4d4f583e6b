import Foundation
import Logging
import SalesDeskStore

/// Runs passes until cancelled, sleeping on an injected clock until the next due item.
///
/// Between passes it sleeps until the engine's next due instant, waking every
/// `changeCheckSeconds` only to compare `PRAGMA data_version` (microseconds): a write by a desk or
/// another process may have added earlier work. An idle daemon therefore costs next to no CPU.
///
/// ```swift
/// let daemon = SchedulerDaemon(engine: engine, clock: ContinuousClock(), now: { Date() }, changed: { try monitor.hasChanged() })
/// try await daemon.run()   // until the task is cancelled (SIGTERM/SIGINT in the CLI)
/// ```
public struct SchedulerDaemon<C: Clock>: Sendable where C.Duration == Duration {
    private let engine: SchedulerEngine
    private let clock: C
    private let now: @Sendable () -> Date
    private let changed: @Sendable () throws -> Bool
    private let changeCheck: TimeInterval
    /// Seconds between heartbeats: a fifth of the time after which `scheduler status` calls a scheduler silent.
    private let heartbeatInterval: TimeInterval
    private let beatsWhileBusy: Bool
    private let logger: Logger

    /// - Parameters:
    ///   - changed: whether another connection committed since the last call (a ``ChangeMonitor``).
    ///   - beatsWhileBusy: beat on `clock` between passes too (the real daemon); off for tests on an
    ///     `ImmediateClock`, where every sleep moves the clock.
    public init(engine: SchedulerEngine, clock: C, now: @escaping @Sendable () -> Date, changed: @escaping @Sendable () throws -> Bool,
                logger: Logger = Logger(label: "salesdesk.scheduler"), beatsWhileBusy: Bool = false) {
        self.beatsWhileBusy = beatsWhileBusy
        self.engine = engine
        self.clock = clock
        self.now = now
        self.changed = changed
        changeCheck = max(0.05, engine.database.configuration.scheduler.changeCheckSeconds)
        heartbeatInterval = min(60, max(0.05, engine.database.configuration.scheduler.heartbeatStaleSeconds / 5))
        self.logger = logger
    }

    /// Passes until the task is cancelled; returns the number of passes run. A failing pass (the disk
    /// is full, the file is locked too long) is logged and retried after the change-check interval;
    /// damage (`SQLITE_CORRUPT`) stops the daemon with that error, so it writes nothing more.
    ///
    /// Hooks run on the engine's ``HookWorker`` while passes go on, and (with `beatsWhileBusy`) a heartbeat
    /// is recorded every ``heartbeatInterval`` whatever a pass or a hook is doing. When the task is
    /// cancelled the running hooks' process groups are killed.
    @discardableResult
    public func run(maxPasses: Int = .max) async throws -> Int {
        let heartbeat = Task { [engine, clock, logger, heartbeatInterval, beatsWhileBusy] in
            while beatsWhileBusy && !Task.isCancelled {
                do {
                    try await clock.sleep(for: .milliseconds(Int64(heartbeatInterval * 1000)))
                    try engine.beat()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("heartbeat failed", metadata: ["error": "\(error)"])
                }
            }
        }
        defer {
            heartbeat.cancel()
            if Task.isCancelled { engine.hookWorker?.stop() } else { engine.hookWorker?.waitUntilIdle() }
        }
        var passes = 0
        while passes < maxPasses && !Task.isCancelled {
            var next: Date?
            do {
                let report = try engine.runPass(waitingForHooks: false)
                next = report.nextDueAt
                // Work due but not firable here (held by another scheduler's lease): look again later, never spin.
                if report.firing.handled == 0, let due = next, due <= now() { next = now().addingTimeInterval(changeCheck) }
            } catch let error where StoreError.isDamage(error) {
                logger.critical("the database is damaged; the scheduler stops writing", metadata: ["error": "\(error)"])
                throw error
            } catch {
                logger.error("pass failed", metadata: ["error": "\(error)"])
                next = now().addingTimeInterval(changeCheck)
            }
            passes += 1
            _ = try? changed() // forget our own commits
            guard passes < maxPasses else { break }
            try await sleep(until: next)
        }
        return passes
    }

    /// Sleeps until `next` (forever when nil), or until the database changes.
    private func sleep(until next: Date?) async throws {
        while true {
            let remaining = next.map { $0.timeIntervalSince(now()) } ?? .infinity
            if remaining <= 0 { return }
            try await clock.sleep(for: .milliseconds(Int64((min(remaining, changeCheck) * 1000).rounded(.up))))
            if (try? changed()) == true { return }
        }
    }
}
