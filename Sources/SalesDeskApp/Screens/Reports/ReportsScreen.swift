import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let reports = ScreenID("reports")
}

/// Reports: the list of reports, a parameter bar (period), the report's chart and table; Enter on a row opens the
/// leads behind it, `x` exports the table. Figures are the reader's own (reps), their team's (managers) or
/// everyone's (admins): the store scopes them.
public struct ReportsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, nextReport, previousReport, period, export, closeDrill

        public var name: String {
            switch self {
            case .open: "open"
            case .nextReport: "next-report"
            case .previousReport: "previous-report"
            case .period: "period"
            case .export: "export"
            case .closeDrill: "close"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open the leads behind the selected row (or the selected lead)"
            case .nextReport: "next report"
            case .previousReport: "previous report"
            case .period: "period: this week / month / quarter / last quarter"
            case .export: "export the table as CSV, JSON or Markdown (by the file's ending)"
            case .closeDrill: "back from the leads to the report"
            }
        }
    }

    public static let id = ScreenID.reports
    public static let title = "Reports"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("]"), .right], .nextReport, hint: "report"),
        KeyBinding([.character("["), .left], .previousReport),
        KeyBinding([.character("p")], .period, hint: "period"),
        KeyBinding([.character("x")], .export, hint: "export"),
        KeyBinding([.escape], .closeDrill),
    ]

    /// A table row as a list row.
    public struct Row: Sendable, Identifiable {
        public var cells: [ReportTable.Cell]
        public var id: Int64
    }

    /// The leads, tickets or follow-ups behind a figure, shown in place of the table until Esc.
    public struct Drill: Sendable {
        public var title: String
        /// What the figure is made of (the list on show).
        public var kind: Kind
        public var leads = ListState<LeadRow>()
        public var tickets = ListState<TicketRow>()
        public var followUps = ListState<FollowUpRow>()

        public enum Kind: Sendable, Equatable {
            case leads, tickets, followUps
        }

        /// Whether the figure is made of tickets (a support row's breaches).
        public var isTickets: Bool { kind == .tickets }

        /// Moves the selection of the list on show.
        mutating func move(_ move: ListMove, viewport: Int) {
            switch kind {
            case .leads: _ = leads.move(move, viewport: viewport)
            case .tickets: _ = tickets.move(move, viewport: viewport)
            case .followUps: _ = followUps.move(move, viewport: viewport)
            }
        }

        /// The record the selected row is about: the lead, the ticket, or the follow-up's lead or ticket.
        var selectedRecord: RecordReference? {
            switch kind {
            case .leads: leads.selectedRow.map { .lead($0.id) }
            case .tickets: tickets.selectedRow?.ticket.id.map(RecordReference.ticket)
            case .followUps: followUps.selectedRow?.activity.record
            }
        }
    }

    /// The periods `p` cycles through.
    static let spans: [ReportParameters.Span] = [.current(.week), .current(.month), .current(.quarter), .previous(.quarter)]

    public var report: ReportName = .forecast
    public var span: ReportParameters.Span = .current(.quarter)
    public private(set) var view: ReportView?
    public var rows = ListState<Row>()
    public var drill: Drill?
    /// The export prompt (a file name) while it is open.
    public var exportPrompt: FilterPrompt?
    /// The prompt still holds the suggested file name untouched: the first character typed replaces it.
    var exportSuggested = false

    /// A support rep's Reports open on the support report (their own SLA figures); everyone else's on the forecast.
    public init(session: DeskSession, record: RecordReference?) {
        report = Self.firstReport(for: session.user.role)
        span = .current(report.defaultPeriod)
    }

    /// The report the screen opens on for someone in `role`.
    static func firstReport(for role: Role) -> ReportName {
        role == .support ? .support : .forecast
    }

    /// Chart rows above the table.
    static let chartRows = 10

    /// At most this many of the table's notes (medians, breaches, what is left out) show between chart and table.
    static let noteRows = 3

    /// The notes shown on screen (the export carries them all).
    var visibleNotes: [String] { Array((view?.table.notes ?? []).prefix(Self.noteRows)) }

    public var rowsAboveList: Int { 3 + Self.chartRows + visibleNotes.count }

    public var typesText: Bool { exportPrompt != nil }

    var parameters: ReportParameters { ReportParameters(report: report, span: span) }

    public var selection: Selection {
        switch drill?.kind {
        case .tickets: drill?.tickets.selectedRow.map { .ticket($0.ticket) } ?? .none
        case .leads: drill?.leads.selectedRow.map { .lead($0.lead, name: $0.contactName) } ?? .none
        case .followUps: drill?.followUps.selectedRow.map { .activity($0.activity) } ?? .none
        case nil: .none
        }
    }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .nextReport, .previousReport:
            let all = ReportName.allCases
            let index = all.firstIndex(of: report) ?? 0
            report = all[(index + (action == .nextReport ? 1 : all.count - 1)) % all.count]
            span = .current(report.defaultPeriod)
            drill = nil
            return [.load(Self.id, .reset)]
        case .period:
            let index = Self.spans.firstIndex(of: span) ?? -1
            span = Self.spans[(index + 1) % Self.spans.count]
            return [.load(Self.id, .reset)]
        case .export:
            let day = Format.time(context.session.now, zone: context.session.timeZone, pattern: "yyyy-MM-dd")
            exportPrompt = FilterPrompt(text: "\(report.rawValue)-\(day).csv")
            exportSuggested = true
            return []
        case .closeDrill:
            guard drill != nil else { return [] }
            drill = nil
            return []
        case .open:
            if let drill {
                switch drill.selectedRecord {
                case .lead(let id): context.navigation = .open(.leadDetail, .lead(id))
                case .ticket(let id): context.navigation = .open(.ticketDetail, .ticket(id))
                default: return [.bell]
                }
                return []
            }
            guard let view, let index = rows.selectedRow.map({ Int($0.id) }), view.drillDowns.indices.contains(index),
                  let target = view.drillDowns[index] else {
                context.say("This row has no records to open.", error: true)
                return [.bell]
            }
            switch target.target {
            case .leads: drill = Drill(title: target.title, kind: .leads)
            case .tickets: drill = Drill(title: target.title, kind: .tickets)
            case .followUps: drill = Drill(title: target.title, kind: .followUps)
            }
            return [.load(Self.id, .page(.first))]
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        if drill != nil {
            drill?.move(move, viewport: context.viewport)
        } else {
            _ = rows.move(move, viewport: context.viewport)
        }
        return []
    }

    public mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        if exportSuggested, exportPrompt != nil, case .character = key { exportPrompt = FilterPrompt() }
        if exportPrompt != nil { exportSuggested = exportSuggested && key == .enter }
        let typedPath = exportPrompt?.field.text ?? ""
        guard let outcome = FilterPrompt.type(key, into: &exportPrompt) else { return nil }
        guard outcome == .accepted else { return [] }
        let path = (typedPath.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        return path.isEmpty ? [] : [.task(Self.id, ScreenTask("export", [path]))]
    }

    public enum Loaded: Sendable {
        case report(ReportView)
        case drill([LeadRow])
        case ticketDrill([TicketRow])
        case followUpDrill([FollowUpRow])
    }

    /// At most this many records behind a figure are listed.
    static let drillLimit = 500

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let runner = ReportRunner(database: database, now: { [now = session.now] in now })
        if let drill, case .page = request, let view, let index = rows.selectedRow.map({ Int($0.id) }),
           view.drillDowns.indices.contains(index), let target = view.drillDowns[index], target.title == drill.title {
            switch target.target {
            case .tickets(let numbers):
                return .ticketDrill(try database.ticketRows(ids: numbers.prefix(Self.drillLimit).compactMap(Ticket.id(fromNumber:))))
            case .followUps(let ownerIDs, let period):
                // Every follow-up of the rep due in the period, done or not, earliest first (the overdue ones show in colour).
                let query = FollowUpQuery(ownerIDs: ownerIDs, dueFrom: period.start, dueBefore: period.end, states: ActivityState.allCases)
                return .followUpDrill(try database.followUps(query, page: .first, limit: Self.drillLimit).rows)
            case .leads:
                break
            }
            return .drill(try database.leadRows(ids: try runner.leadIDs(for: target, reader: session.user, parameters: parameters, limit: Self.drillLimit)))
        }
        return .report(try runner.run(parameters, for: session.user))
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        switch loaded {
        case .report(let view):
            self.view = view
            rows.replaceAll(with: view.table.rows.enumerated().map { Row(cells: $0.element, id: Int64($0.offset)) })
            if case .reset = request { _ = rows.move(.top, viewport: context.viewport) }
        case .drill(let leads):
            drill?.leads.replaceAll(with: leads)
        case .ticketDrill(let tickets):
            drill?.tickets.replaceAll(with: tickets)
        case .followUpDrill(let followUps):
            drill?.followUps.replaceAll(with: followUps)
        }
    }

    public func run(_ task: ScreenTask, database: AppDatabase, session: DeskSession) throws -> String {
        guard task.name == "export", let path = task.arguments.first, let view else {
            throw DomainError.invalidField(field: "export", reason: "run the report first")
        }
        return try ReportFileExport.write(view, to: path)
    }
}
