import ArgumentParser
import Foundation
import SalesDeskStore
import TerminalUI

/// `salesdesk scheduler status`: is a scheduler alive, its last pass, the next due item, the backlog, failed hooks.
struct SchedulerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show scheduler heartbeats, next due work, backlog and failed hooks.")

    @OptionGroup var options: DeskOptions
    @Flag(help: "Print JSON.") var json = false

    private struct Output: Encodable {
        struct Beat: Encodable {
            var claimer: String
            var pid: Int32
            var host: String
            var alive: Bool
            var beatAt: Date
            var lastPassAt: Date?
            var lastFired: Int
            var nextDueAt: Date?
        }
        struct Failure: Encodable {
            var hook: String
            var notificationID: Int64
            var attempts: Int
            var lastError: String
            var nextAttemptAt: Date?
        }
        var alive: Bool
        var schedulers: [Beat]
        var nextDueAt: Date?
        var backlog: Int
        var failedHooks: [Failure]
    }

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true)
        let now = DeskClock.now()
        let status = try database.schedulerStatus(now: now)
        let stale = database.configuration.scheduler.heartbeatStaleSeconds
        let beats = status.heartbeats.map {
            Output.Beat(claimer: $0.claimer, pid: $0.pid, host: $0.host, alive: now.timeIntervalSince($0.beatAt) <= stale, beatAt: $0.beatAt,
                        lastPassAt: $0.lastPassAt, lastFired: $0.lastFired, nextDueAt: $0.nextDueAt)
        }
        let output = Output(
            alive: beats.contains(where: \.alive), schedulers: beats, nextDueAt: status.nextDueAt, backlog: status.backlog,
            failedHooks: status.hookFailures.map {
                .init(hook: $0.hook, notificationID: $0.notificationID, attempts: $0.attempts, lastError: $0.lastError, nextAttemptAt: $0.nextAttemptAt)
            })
        if json { return try JSONOutput.print(output) }
        print(output.alive ? "Scheduler: alive" : "Scheduler: NOT RUNNING (no heartbeat in the last \(Int(stale / 60)) minutes)")
        for beat in beats.prefix(5) {
            print("  \(beat.alive ? "alive" : "silent") \(beat.claimer)  last pass \(beat.lastPassAt?.ISO8601Format() ?? "never")  handled \(beat.lastFired)")
        }
        print("Next due: \(output.nextDueAt?.ISO8601Format() ?? "nothing pending")")
        print("Backlog: \(output.backlog) due item\(output.backlog == 1 ? "" : "s") not yet fired")
        print("Failed hooks: \(output.failedHooks.count)")
        for failure in output.failedHooks {
            let retry = failure.nextAttemptAt.map { "retry at \($0.ISO8601Format())" } ?? "gave up"
            print("  \(failure.hook) notification #\(failure.notificationID): \(failure.attempts) attempts, \(retry): \(TextSanitizer.sanitize(failure.lastError))")
        }
    }
}
