import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// `salesdesk scheduler status`: is a scheduler alive, its last pass, the next due item, the backlog, failed hooks.
struct SchedulerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show scheduler heartbeats, next due work, backlog and failed hooks.")

    @OptionGroup var options: DeskOptions
    @Flag(help: "Print JSON.") var json = false

    /// The status plus the verdict: alive means a heartbeat within `heartbeat_stale_minutes`.
    private struct Output: Encodable {
        var alive: Bool
        var status: SchedulerStatus
    }

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true, access: .deskUsersAndFileOwner)
        let now = DeskClock.now()
        let status = try database.schedulerStatus(now: now)
        let stale = database.configuration.scheduler.heartbeatStaleSeconds
        let isAlive = { (beat: SchedulerHeartbeat) in now.timeIntervalSince(beat.beatAt) <= stale }
        let alive = status.heartbeats.contains(where: isAlive)
        if json { return try JSONOutput.print(Output(alive: alive, status: status)) }
        print(alive ? "Scheduler: alive" : "Scheduler: NOT RUNNING (no heartbeat in the last \(Int(stale / 60)) minutes)")
        for beat in status.heartbeats.prefix(5) {
            print("  \(isAlive(beat) ? "alive" : "silent") \(beat.claimer)  last pass \(beat.lastPassAt?.ISO8601Format() ?? "never")  handled \(beat.lastFired)")
        }
        print("Next due: \(status.nextDueAt?.ISO8601Format() ?? "nothing pending")")
        print("Backlog: \(CountPhrase.of(status.backlog, "due item")) not yet fired")
        print("Failed hooks: \(status.hookFailures.count)")
        for failure in status.hookFailures {
            let retry = failure.nextAttemptAt.map { "retry at \($0.ISO8601Format())" } ?? "gave up"
            print("  \(failure.hook) notification #\(failure.notificationID): \(failure.attempts) attempts, \(retry): \(TextSanitizer.sanitize(failure.lastError))")
        }
    }
}
