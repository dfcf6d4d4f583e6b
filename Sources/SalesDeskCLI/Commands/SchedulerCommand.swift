import ArgumentParser
import Foundation
import Logging
import SalesDeskScheduler
import SalesDeskStore

/// `salesdesk scheduler`: the headless scheduler (`run`, the default) and its `status`.
struct SchedulerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Fire reminders, stall nudges, escalations and SLA clocks (foreground daemon; --once for one pass).",
        discussion: "Any number of schedulers may run against one database; each piece of work fires once. See Docs/SCHEDULER.md.",
        subcommands: [SchedulerRunCommand.self, SchedulerStatusCommand.self],
        defaultSubcommand: SchedulerRunCommand.self)
}

/// `salesdesk scheduler [run] [--once]`.
struct SchedulerRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the scheduler in the foreground until SIGTERM or SIGINT.")

    @OptionGroup var options: DeskOptions

    @Flag(help: "Run one pass, print what it did, and exit (for cron).")
    var once = false

    @Flag(help: .hidden)
    var holdAfterClaim = false

    /// The longest a daemon takes to exit after SIGTERM or SIGINT.
    static let stopGraceSeconds: Double = 5

    func run() throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let database = try options.openDatabase(access: .deskUsersAndFileOwner)
        let logger = Logger(label: "salesdesk.scheduler")
        let hold = holdAfterClaim
        // Crash drill for the lease tests: announce the claim (due work, or the rules' event stream), then wait to be killed.
        let drill: @Sendable (String) -> Void = { claimed in
            guard hold else { return }
            FileHandle.standardOutput.write(Data("claimed \(claimed)\n".utf8))
            while true { sleep(60) }
        }
        let engine = SchedulerEngine(database: database, now: DeskClock.now, logger: logger,
                                     afterClaim: { drill(String($0.count)) }, afterEventClaim: { drill("the event stream") })
        if once {
            let report = try engine.runPass()
            print("""
                notified \(report.firing.notified), digested \(report.firing.digested) into \(report.firing.digests) digests, \
                dropped \(report.firing.dropped), hooks delivered \(report.hooksDelivered), hooks failed \(report.hooksFailed)
                """)
            return
        }
        try runDaemon(engine, logger: logger)
    }

    /// Runs the daemon on the continuous clock until SIGTERM or SIGINT cancels it. A signal kills the
    /// running hooks and the daemon exits within seconds (after ``stopGraceSeconds`` at the latest);
    /// damage stops it with the error.
    private func runDaemon(_ engine: SchedulerEngine, logger: Logger) throws {
        let monitor = try ChangeMonitor(path: engine.database.path)
        let daemon = SchedulerDaemon(engine: engine, clock: ContinuousClock(), now: DeskClock.now, changed: { try monitor.hasChanged() }, logger: logger,
                                     beatsWhileBusy: true)
        logger.info("scheduler started", metadata: ["claimer": "\(engine.claimer)", "db": "\(engine.database.path)"])
        let finished = DispatchSemaphore(value: 0)
        let failure = DaemonFailure()
        let task = Task {
            defer { finished.signal() }
            do { try await daemon.run() } catch is CancellationError {} catch { failure.error = error }
        }
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                task.cancel()
                engine.hookWorker?.stop()
                // A pass stuck in SQLite (a lock held elsewhere) must not keep a stopped daemon alive.
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.stopGraceSeconds) {
                    logger.warning("scheduler did not stop in time; exiting")
                    Foundation.exit(0)
                }
            }
            source.resume()
            return source
        }
        finished.wait()
        signals.forEach { $0.cancel() }
        if let error = failure.error {
            logger.error("scheduler stopped", metadata: ["error": "\(error)"])
            throw error
        }
        logger.info("scheduler stopped")
    }
}

/// The error a daemon stopped with, handed from its task to the main thread.
private final class DaemonFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
