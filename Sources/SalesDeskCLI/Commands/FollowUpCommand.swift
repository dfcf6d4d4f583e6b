import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk followup add|list|done|reschedule`.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Schedule, list, complete and reschedule follow-ups.",
        subcommands: [Add.self, List.self, Done.self, Reschedule.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a follow-up on a lead or ticket.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Lead id.") var lead: Int64?
        @Option(help: "Ticket number.") var ticket: String?
        @Option(help: "Kind of follow-up.") var type: ActivityType = .call
        @Option(help: "What to do.") var subject: String
        @Option(help: "When: \"2026-11-24 14:30\", \"tomorrow 9:00\", \"+2h\".") var due: String
        @Option(help: "Notes.") var notes: String = ""
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if lead != nil && ticket != nil {
                throw ValidationError("A follow-up belongs to one record: give --lead or --ticket, not both.")
            }
        }

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let record: RecordReference? = try lead.map { .lead($0) } ?? ticket.map { .ticket(try TicketPrinter.id($0)) }
            let dueAt = try TimeExpression.parse(due, now: DeskClock.now(), timeZone: TimeZone(identifier: user.timeZoneID) ?? .gmt)
            let activity = try database.scheduleFollowUp(NewFollowUp(type: type, subject: subject, notes: notes, dueAt: dueAt, record: record), by: user)
            if json { return try JSONOutput.print(activity) }
            print("Scheduled follow-up #\(activity.id!) \(type.label): \(TextTable.printable(activity.subject)) at \(LocalTime(timeZone: TimeZone(identifier: user.timeZoneID) ?? .gmt).format(dueAt))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List planned follow-ups, soonest first.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Only this kind of follow-up.") var type: ActivityType?
        @Option(help: "Due from (inclusive).") var from: String?
        @Option(help: "Due before.") var to: String?
        @Option(help: "Whose (handle); default: yours.") var owner: String?
        @Option(help: "Rows to print.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000.") }
            let database = try options.openDatabase(allowReadOnly: true)
            let user = try owner.map { try Lookup.user($0, in: database) } ?? options.currentUser(in: database)
            let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
            let now = DeskClock.now()
            var query = FollowUpQuery(ownerIDs: [user.id!])
            if let type { query.types = [type] }
            query.dueFrom = try from.map { try TimeExpression.parse($0, now: now, timeZone: zone) }
            query.dueBefore = try to.map { try TimeExpression.parse($0, now: now, timeZone: zone) }
            let rows = try database.followUps(query, limit: limit).rows.map(FollowUpOutput.init)
            if json { return try JSONOutput.print(rows) }
            let time = LocalTime(timeZone: zone)
            print(TextTable(headers: ["ID", "DUE", "TYPE", "SUBJECT", "WHO", "COMPANY"], rows: rows.map {
                [String($0.id), time.format($0.dueAt), $0.type, $0.subject, $0.recordLabel ?? "", $0.company ?? ""]
            }).render())
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Complete a follow-up; optionally schedule the next and move the lead.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Follow-up id.") var id: Int64
        @Option(help: "What happened.") var outcome: String = ""
        @Option(help: "Move the linked lead to this stage.") var stage: String?
        @Option(help: "Loss reason when --stage lost.") var reason: String?
        @Option(help: "Text for the Other loss reason.") var note: String?
        @Option(help: "Schedule the next follow-up at this time.") var next: String?
        @Option(help: "Next follow-up's subject.") var nextSubject: String = "Follow up"
        @Option(help: "Next follow-up's kind.") var nextType: ActivityType = .call

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
            let target = try stage.map { try database.configuration.pipeline.stage(named: $0) }
            let lossReason = try reason.map { try LossReason.parse($0, note: note) }
            let nextFollowUp = try next.map { text -> NewFollowUp in
                NewFollowUp(type: nextType, subject: nextSubject, dueAt: try TimeExpression.parse(text, now: DeskClock.now(), timeZone: zone))
            }
            try database.completeFollowUp(id, outcome: outcome, next: nextFollowUp, moveLeadTo: target, lossReason: lossReason, by: user)
            print("Completed follow-up #\(id).")
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a follow-up to a new time, with a reason.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Follow-up id.") var id: Int64
        @Argument(help: "New time.") var to: String
        @Option(help: "Why (kept in its history).") var reason: String

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let dueAt = try TimeExpression.parse(to, now: DeskClock.now(), timeZone: TimeZone(identifier: user.timeZoneID) ?? .gmt)
            try database.rescheduleFollowUp(id, to: dueAt, reason: reason, by: user)
            print("Rescheduled follow-up #\(id) to \(LocalTime(timeZone: TimeZone(identifier: user.timeZoneID) ?? .gmt).format(dueAt)).")
        }
    }
}
