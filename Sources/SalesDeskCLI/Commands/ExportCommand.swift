import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// `salesdesk export leads|tickets|activities|agenda`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export leads, tickets or follow-ups as CSV or JSON, or your agenda as an iCalendar feed.",
        discussion: """
            CSV cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them as formulas.
            The lead CSV uses the import template's headers: it imports back unchanged.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "What to export (agenda needs --ics).") var what: ExportSubject
    @Option(help: "Output format of leads, tickets and activities.") var format: ExportFormat = .csv
    @Flag(help: "agenda only: write an iCalendar (RFC 5545) feed of the planned follow-ups of --as.") var ics = false
    @Option(help: "Leads: stage; tickets: status; activities: planned, done or cancelled.") var state: String?
    @Option(help: "Only this owner's (or assignee's) records (handle).") var owner: String?
    @Option(help: "Leads: only this source.") var source: String?
    @Option(help: "Only records created on or after this day (YYYY-MM-DD).") var since: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func validate() throws {
        if what == .agenda && !ics { throw ValidationError("export agenda needs --ics.") }
        if ics && what != .agenda { throw ValidationError("--ics is for export agenda.") }
    }

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true)
        let sink = try OutputFile(path: output)
        do {
            try export(database, to: sink)
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// Writes the export; on a terminal every text passes the sanitiser (a file keeps the data exact).
    private func export(_ database: AppDatabase, to sink: OutputFile) throws {
        let onTerminal = sink.isTerminal
        let shown = { (text: String) -> String in onTerminal ? TextSanitizer.sanitize(text) : text }
        guard let kind = what.kind else { return try exportAgenda(database, sink: sink, shown: shown) }
        let query = try makeQuery(database, kind: kind)
        if format == .csv {
            let writer = CSVWriter { try sink.write($0) }
            try writer.row(query.headers)
            try database.export(query) { try writer.row($0.map(shown)) }
        } else {
            var first = true
            try sink.write("[")
            try database.export(query) { cells in
                let object = Dictionary(uniqueKeysWithValues: zip(query.headers, cells.map(shown)))
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                try sink.write((first ? "\n  " : ",\n  ") + String(decoding: data, as: UTF8.self))
                first = false
            }
            try sink.write(first ? "]\n" : "\n]\n")
        }
    }

    private func makeQuery(_ database: AppDatabase, kind: ExportQuery.Kind) throws -> ExportQuery {
        var query = ExportQuery(kind: kind)
        if let state {
            query.state = kind == .leads ? try database.configuration.pipeline.stage(named: state).rawValue : state
        }
        query.ownerID = try owner.map { try Lookup.user($0, in: database).id! }
        query.source = try source.map { text in
            guard let source = LeadSource.parse(text) else { throw ValidationError("'\(text)' is not a source.") }
            return source
        }
        query.since = try since.map { text in
            guard let date = ImportDate.parse(text), text.contains("-") else { throw ValidationError("--since must be YYYY-MM-DD.") }
            return date
        }
        return query
    }

    private func exportAgenda(_ database: AppDatabase, sink: OutputFile, shown: (String) -> String) throws {
        let user = try options.currentUser(in: database)
        let page = try database.followUps(FollowUpQuery(ownerIDs: [user.id!], states: [.planned]), limit: 100_000)
        let events = page.rows.sorted { ($0.activity.dueAt, $0.id) < ($1.activity.dueAt, $1.id) }.map { row in
            let activity = row.activity
            let about = [row.recordLabel, row.company].compactMap { $0 }.joined(separator: " · ")
            return ICalendarWriter.Event(
                uid: "activity-\(activity.id ?? 0)@salesdesk", start: activity.dueAt, durationMinutes: activity.durationMinutes,
                summary: "\(activity.type.label): \(activity.subject)" + (about.isEmpty ? "" : " — \(about)"),
                description: activity.notes, categories: activity.type.label, lastModified: activity.createdAt)
        }
        try sink.write(shown(ICalendarWriter(calendarName: "Sales Desk — \(user.name)", stamp: DeskClock.now()).calendar(events)))
    }
}
