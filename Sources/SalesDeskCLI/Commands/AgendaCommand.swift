import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk agenda`: My Agenda in the terminal, without the TUI.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Print My Agenda: overdue, today, tomorrow, this week, later, and what needs attention.")
    @OptionGroup var options: DeskOptions
    @Option(help: "Show the agenda as of this day (\"2026-11-24\") instead of now.") var date: String?
    @Option(help: "Items per section.") var limit: Int = 10
    @Flag(help: "Print JSON.") var json = false

    private struct Output: Encodable {
        struct Section: Encodable {
            var title: String
            var count: Int
            var items: [FollowUpOutput]
        }
        var user: String
        var at: Date
        var sections: [Section]
        var stalledLeads: [LeadOutput]
        var stalledLeadCount: Int
        var ticketsAwaitingResponse: [TicketOutput]
    }

    func run() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
        let database = try options.openDatabase(allowReadOnly: true)
        let user = try options.currentUser(in: database)
        let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
        let now = try date.map { try TimeExpression.parse($0, now: DeskClock.now(), timeZone: zone) } ?? DeskClock.now()
        let agenda = try database.agenda(for: user, at: now, limit: limit)
        let pipeline = database.configuration.pipeline
        let output = Output(
            user: user.handle, at: now,
            sections: agenda.sections.map { .init(title: $0.section.title, count: $0.count, items: $0.items.map(FollowUpOutput.init)) },
            stalledLeads: agenda.stalledLeads.map { LeadOutput($0, pipeline: pipeline, now: now) },
            stalledLeadCount: agenda.stalledLeadCount,
            ticketsAwaitingResponse: agenda.ticketsAwaitingResponse.map(TicketOutput.init))
        if json { return try JSONOutput.print(output) }
        let time = LocalTime(timeZone: zone)
        var lines = ["My Agenda — \(user.name) (\(user.handle)), \(time.format(now, pattern: "EEEE d MMMM yyyy HH:mm")) \(zone.identifier)"]
        for section in output.sections {
            lines.append("")
            lines.append("\(section.title) (\(section.count))")
            if section.items.isEmpty { lines.append("  nothing") }
            lines += section.items.map { item in
                let who = [item.recordLabel, item.company].compactMap { $0 }.joined(separator: " · ")
                return "  #\(item.id) \(time.format(item.dueAt)) \(ActivityType(rawValue: item.type)?.label ?? item.type): \(item.subject)\(who.isEmpty ? "" : " — \(who)")"
            }
            if section.count > section.items.count { lines.append("  … and \(section.count - section.items.count) more") }
        }
        lines.append("")
        let stalled = output.stalledLeadCount >= Agenda.stalledCountCap
            ? "\(CountPhrase.grouped(Agenda.stalledCountCap))+ stalled leads" : CountPhrase.of(output.stalledLeadCount, "stalled lead")
        let awaiting = CountPhrase.of(output.ticketsAwaitingResponse.count, "ticket")
        lines.append("Needs attention: \(stalled), \(awaiting) awaiting a first response")
        lines += output.stalledLeads.prefix(5).map { "  lead #\($0.id) \($0.name) · \($0.stage) for \(CountPhrase.of($0.daysInStage, "day"))" }
        lines += output.ticketsAwaitingResponse.prefix(5).map { "  \($0.number) \($0.subject) (\($0.priority))" }
        print(lines.map(TextTable.printable).joined(separator: "\n"))
    }
}
