import Foundation
import Logging
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import TerminalUI

/// The scheduler inside an open desk: a pass when work is due (from the engine's next-due instant, so
/// idle ticks touch no table), a pass at least every minute to keep the heartbeat fresh, the
/// "while you were away" catch-up on launch, and a warning when no scheduler has run recently.
///
/// Every pass runs on one background queue, never on the key path: a launch catch-up over days of due work, or a
/// busy minute, must not hold a keystroke. The desk starts passes (``startCatchUp()``, ``tickSoon()``,
/// ``runRulesSoon()``) and collects what they did with ``takeNews()`` on its ticks.
public final class DeskScheduling: @unchecked Sendable {
    private let engine: SchedulerEngine
    private let database: AppDatabase
    private let now: @Sendable () -> Date
    // Touched only on `queue`.
    private var nextDueAt: Date?
    private var lastPassAt: Date?
    // Touched only on the desk's thread.
    private var lastHealthCheckAt: Date?
    private var lastWarning: String?

    /// The passes (catch-up, ticks, rules after the desk's own writes) run here, one at a time, off the key path.
    private let queue = DispatchQueue(label: "salesdesk.desk.scheduler")
    private let rulesQueued = QueuedFlag()
    private let tickQueued = QueuedFlag()
    private let news = NewsBox()

    /// A pass at least this often keeps the desk's heartbeat fresh.
    static let heartbeatInterval: TimeInterval = 60

    /// What the background passes did since the desk last asked (see ``takeNews()``).
    public struct News: Equatable, Sendable {
        /// Due items the launch catch-up handled.
        public var caughtUp = 0
        /// The launch catch-up has finished (or stopped).
        public var catchUpFinished = false
        /// Notifications and digests the passes created (the desk may ring the bell).
        public var notified = 0
    }

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.now = now
        // Hooks are left to `salesdesk scheduler`: a slow hook command must never freeze the desk.
        engine = SchedulerEngine(database: database, now: now, logger: Logger(label: "salesdesk.desk", factory: { _ in SwiftLogNoOpLogHandler() }),
                                 runsHooks: false)
    }

    /// Whether a new notification should ring the terminal bell.
    public var ringsBell: Bool { database.configuration.scheduler.bell }

    /// Items one catch-up pass handles at most, so the desk can stop between passes.
    public static let catchUpBatch = 2_000

    /// Starts the launch catch-up in the background: bounded passes until one handles fewer than a batch (or
    /// ``stop()`` is called); their progress and end arrive through ``takeNews()``.
    public func startCatchUp() {
        queue.async { [self] in
            while !news.isStopping, let report = runPass(maxItems: Self.catchUpBatch) {
                news.update { $0.caughtUp += report.firing.handled; $0.notified += report.firing.notified + report.firing.digests }
                if report.firing.handled < Self.catchUpBatch { break }
            }
            news.update { $0.catchUpFinished = true }
        }
    }

    /// Asks for a pass in the background if work is due or the heartbeat needs one; asks made while one is queued
    /// share it.
    public func tickSoon() {
        guard tickQueued.raise() else { return }
        queue.async { [self] in
            tickQueued.lower()
            let instant = now()
            let heartbeatDue = lastPassAt.map { instant.timeIntervalSince($0) >= Self.heartbeatInterval } ?? true
            guard heartbeatDue || (nextDueAt.map { instant >= $0 } ?? false), let report = runPass() else { return }
            news.update { $0.notified += report.firing.notified + report.firing.digests }
        }
    }

    /// What the passes did since the last call (and resets it).
    public func takeNews() -> News { news.take() }

    /// Waits for every pass asked for so far (tests do, to look at their result).
    public func waitForPasses() {
        queue.sync {}
    }

    /// Stops a catch-up between two batches and waits for the pass running now (the desk does before it quits, so
    /// it never leaves due work claimed; what is left is caught up by the next desk or `salesdesk scheduler`).
    public func stop() {
        news.stop()
        queue.sync {}
    }

    /// The user's unread "while you were away" digest, as a status line (sanitised), if any.
    public func digestLine(for user: User) -> String? {
        guard let userID = user.id, let digest = try? database.unacknowledgedDigest(for: userID) else { return nil }
        return TextSanitizer.sanitize(digest.title)
    }

    /// Runs the rules over the events a write of this desk just appended, on the background queue, so the keystroke
    /// that made the write never waits for them; what they do is on screen at the desk's next tick (its change monitor
    /// sees their commits). Asks made while a pass is queued share it. Nothing runs on a read-only file.
    public func runRulesSoon() {
        guard !database.isReadOnly else { return }
        guard rulesQueued.raise() else { return }
        let claimer = engine.claimer + ":rules"
        queue.async { [database, now, rulesQueued] in
            rulesQueued.lower()
            // A pass that fails (the file is busy) leaves the events to the next tick's pass or to `salesdesk scheduler`.
            _ = try? database.runAutomation(claimer: claimer, now: now(), lease: database.configuration.scheduler.leaseSeconds)
        }
    }

    /// A warning for the status line while no scheduler (this desk included) has beaten recently, nil while one
    /// has; looked up at most once a minute (in between, the last answer stands).
    /// `fresh` looks it up now (after the launch catch-up, whose passes beat while the last answer stood).
    public func staleWarning(fresh: Bool = false) -> String? {
        let instant = now()
        if !fresh, let last = lastHealthCheckAt, instant.timeIntervalSince(last) < Self.heartbeatInterval { return lastWarning }
        lastHealthCheckAt = instant
        lastWarning = Self.warning(heartbeat: try? database.latestHeartbeat(), at: instant, staleAfter: database.configuration.scheduler.heartbeatStaleSeconds)
        return lastWarning
    }

    /// The warning for a last heartbeat at `beat` (nil: never), or nil when it is recent enough.
    static func warning(heartbeat beat: Date?, at instant: Date, staleAfter stale: TimeInterval) -> String? {
        guard let beat else { return "No scheduler has ever run on this database: reminders are not firing (run salesdesk scheduler)." }
        let silent = instant.timeIntervalSince(beat)
        guard silent > stale else { return nil }
        return "No scheduler has run for \(Int(silent / 60)) min: reminders are not firing (run salesdesk scheduler)."
    }

    private func runPass(maxItems: Int? = nil) -> PassReport? {
        lastPassAt = now()
        guard !database.isReadOnly, let report = try? engine.runPass(maxItems: maxItems) else { return nil }
        nextDueAt = report.nextDueAt
        return report
    }
}

/// The news of the background passes, shared between the queue that writes it and the desk that takes it.
private final class NewsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var news = DeskScheduling.News()
    private var stopping = false

    func update(_ change: (inout DeskScheduling.News) -> Void) { lock.withLock { change(&news) } }

    func take() -> DeskScheduling.News {
        lock.withLock {
            defer { news = DeskScheduling.News() }
            return news
        }
    }

    var isStopping: Bool { lock.withLock { stopping } }
    func stop() { lock.withLock { stopping = true } }
}

/// Whether a pass is queued and not yet started (shared with the queue that runs it).
private final class QueuedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isRaised = false

    /// Raises the flag; false when it was up already.
    func raise() -> Bool {
        lock.withLock {
            defer { isRaised = true }
            return !isRaised
        }
    }

    func lower() {
        lock.withLock { isRaised = false }
    }
}
