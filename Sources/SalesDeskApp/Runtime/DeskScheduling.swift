import Foundation
import Logging
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import TerminalUI

/// The scheduler inside an open desk: a pass when work is due (from the engine's next-due instant, so
/// idle ticks touch no table), a pass at least every minute to keep the heartbeat fresh, the
/// "while you were away" digest on launch, and a warning when no scheduler has run recently.
public final class DeskScheduling {
    private let engine: SchedulerEngine
    private let database: AppDatabase
    private let now: @Sendable () -> Date
    private var nextDueAt: Date?
    private var lastPassAt: Date?
    private var lastHealthCheckAt: Date?
    private var lastWarning: String?

    /// The rules' passes after this desk's own writes run here, one at a time, off the key path.
    private let rulesQueue = DispatchQueue(label: "salesdesk.desk.rules")
    private let rulesQueued = QueuedFlag()

    /// A pass at least this often keeps the desk's heartbeat fresh.
    static let heartbeatInterval: TimeInterval = 60

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.now = now
        // Hooks are left to `salesdesk scheduler`: a slow hook command must never freeze the desk.
        engine = SchedulerEngine(database: database, now: now, logger: Logger(label: "salesdesk.desk", factory: { _ in SwiftLogNoOpLogHandler() }),
                                 runsHooks: false)
    }

    /// Whether a new notification should ring the terminal bell.
    public var ringsBell: Bool { database.configuration.scheduler.bell }

    /// Catches up at launch and returns the user's unread digest line (sanitised for the terminal), if any.
    public func launch(for user: User) -> String? {
        while let report = catchUp(), report.firing.handled >= Self.catchUpBatch {}
        return digestLine(for: user)
    }

    /// Items one catch-up pass handles at most, so the desk can draw between passes.
    public static let catchUpBatch = 2_000

    /// One bounded pass (at most ``catchUpBatch`` due items); nil when none could run (a read-only file).
    /// The desk calls it until a pass handles fewer, drawing its progress in between.
    public func catchUp() -> PassReport? {
        runPass(maxItems: Self.catchUpBatch)
    }

    /// The user's unread "while you were away" digest, as a status line (sanitised), if any.
    public func digestLine(for user: User) -> String? {
        guard let userID = user.id, let digest = try? database.unacknowledgedDigest(for: userID) else { return nil }
        return TextSanitizer.sanitize(digest.title)
    }

    /// Runs the rules over the events a write of this desk just appended, on a background queue, so the keystroke
    /// that made the write never waits for them; what they do is on screen at the desk's next tick (its change monitor
    /// sees their commits). Asks made while a pass is queued share it. Nothing runs on a read-only file.
    public func runRulesSoon() {
        guard !database.isReadOnly else { return }
        guard rulesQueued.raise() else { return }
        let claimer = engine.claimer + ":rules"
        rulesQueue.async { [database, now, rulesQueued] in
            rulesQueued.lower()
            // A pass that fails (the file is busy) leaves the events to the next tick's pass or to `salesdesk scheduler`.
            _ = try? database.runAutomation(claimer: claimer, now: now(), lease: database.configuration.scheduler.leaseSeconds)
        }
    }

    /// Waits for a rules pass asked for by ``runRulesSoon()`` to finish (the desk does before it quits, so it never
    /// leaves the event stream claimed; tests do to look at its result).
    public func waitForRules() {
        rulesQueue.sync {}
    }

    /// Called on the desk's idle tick. Returns the pass report when a pass ran.
    public func tick() -> PassReport? {
        let instant = now()
        let heartbeatDue = lastPassAt.map { instant.timeIntervalSince($0) >= Self.heartbeatInterval } ?? true
        guard heartbeatDue || (nextDueAt.map { instant >= $0 } ?? false) else { return nil }
        return runPass()
    }

    /// A warning for the status line while no scheduler (this desk included) has beaten recently, nil while one
    /// has; looked up at most once a minute (in between, the last answer stands).
    public func staleWarning() -> String? {
        let instant = now()
        if let last = lastHealthCheckAt, instant.timeIntervalSince(last) < Self.heartbeatInterval { return lastWarning }
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

/// Whether a rules pass is queued and not yet started (shared with the queue that runs it).
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
