import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk export leads|tickets|activities|agenda`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export leads, tickets or follow-ups as CSV or JSON, or your agenda as an iCalendar feed.",
        discussion: """
            CSV cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them as formulas.
            The lead CSV uses the import template's headers: it imports back unchanged.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "leads, tickets, activities or agenda.") var what: String
    @Option(help: "csv (default) or json.") var format: String = "csv"
    @Flag(help: "agenda only: write an iCalendar (RFC 5545) feed of the planned follow-ups of --as.") var ics = false
    @Option(help: "Leads: stage; tickets: status; activities: planned, done or cancelled.") var state: String?
    @Option(help: "Only this owner's (or assignee's) records (handle).") var owner: String?
    @Option(help: "Leads: only this source.") var source: String?
    @Option(help: "Only records created on or after this day (YYYY-MM-DD).") var since: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func validate() throws {
        guard what == "agenda" || ExportQuery.Kind(rawValue: what) != nil else {
            throw ValidationError("'\(what)' cannot be exported; choose leads, tickets, activities or agenda.")
        }
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format must be csv or json.") }
        if what == "agenda" && !ics { throw ValidationError("export agenda needs --ics.") }
        if ics && what != "agenda" { throw ValidationError("--ics is for export agenda.") }
    }

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true)
        let sink = try OutputSink(path: output)
        defer { sink.close() }
        if what == "agenda" { return try exportAgenda(database, sink: sink) }
        let query = try makeQuery(database)
        if format == "csv" {
            let writer = CSVWriter { sink.write($0) }
            try writer.row(query.headers)
            try database.export(query) { try writer.row($0) }
        } else {
            var first = true
            sink.write("[")
            try database.export(query) { cells in
                let object = Dictionary(uniqueKeysWithValues: zip(query.headers, cells))
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                sink.write((first ? "\n  " : ",\n  ") + String(decoding: data, as: UTF8.self))
                first = false
            }
            sink.write(first ? "]\n" : "\n]\n")
        }
    }

    private func makeQuery(_ database: AppDatabase) throws -> ExportQuery {
        let kind = ExportQuery.Kind(rawValue: what)!
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

    private func exportAgenda(_ database: AppDatabase, sink: OutputSink) throws {
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
        sink.write(ICalendarWriter(calendarName: "Sales Desk — \(user.name)", stamp: DeskClock.now()).calendar(events))
    }
}

/// Stdout or a file.
struct OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            ownsHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("Cannot write \(path).")
        }
        handle = file
        ownsHandle = true
    }

    func write(_ text: String) { handle.write(Data(text.utf8)) }

    func close() { if ownsHandle { try? handle.close() } }
}
