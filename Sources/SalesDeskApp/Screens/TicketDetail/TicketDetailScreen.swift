import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let ticketDetail = ScreenID("ticket")
}

/// A ticket: its fields, its first-response SLA, and its timeline (replies, notes and changes), scrollable.
public struct TicketDetailScreen: DeskScreen {
    public typealias Action = TicketDetailAction

    public static let id = ScreenID.ticketDetail
    public static let title = "Ticket"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.character("s")], .status, requires: .workTicket, hint: "status"),
        KeyBinding([.character("a")], .assign, requires: .assignTicket, hint: "assign"),
        KeyBinding([.character("p")], .priority, requires: .workTicket, hint: "priority"),
        KeyBinding([.character("c")], .category, requires: .workTicket, hint: "category"),
        KeyBinding([.character("R")], .reply, requires: .workTicket, hint: "reply"),
        KeyBinding([.character("f")], .newFollowUp, requires: .workFollowUp, hint: "follow-up"),
    ]

    public let ticketID: Int64
    public private(set) var detail: TicketDetail?
    var timeline = ListState<TimelineView.Row>()

    public init(session: DeskSession, record: RecordReference?) {
        if case .ticket(let id) = record { ticketID = id } else { ticketID = 0 }
    }

    public func tabTitle(_ session: DeskSession) -> String { detail?.ticket.number ?? Self.title }

    public var rowsAboveList: Int { 7 }

    public var selection: Selection { detail.map { .ticket($0.ticket) } ?? .none }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let shared: TicketsScreen.Action = switch action {
        case .status: .status
        case .assign: .assign
        case .priority: .priority
        case .category: .category
        case .reply: .reply
        case .newFollowUp: .newFollowUp
        }
        return TicketCommands.perform(shared, on: detail?.ticket, screen: nil, &context) ?? []
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        _ = timeline.move(move, viewport: context.viewport)
        return []
    }

    public struct Loaded: Sendable {
        var detail: TicketDetail
        var timeline: [TimelineEntry]
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        Loaded(detail: try database.ticketDetail(ticketID),
               timeline: try database.timeline(for: .ticket(ticketID), in: session.zone))
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        detail = loaded.detail
        timeline.replaceAll(with: TimelineView.rows(loaded.timeline))
        timeline.scroll(viewport: context.viewport)
    }

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        guard let detail else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let ticket = detail.ticket
        var lines = DetailLines(area: area, theme: theme)
        func line(_ text: String, _ role: String = ThemeRole.text) { lines.put(text, role, grid: &grid) }
        let sla = Format.sla(ticket, detail.firstResponse, now: session.now, zone: session.timeZone)
        line("\(ticket.number)  \(ticket.subject)", ThemeRole.header)
        line("Status: \(ticket.status.label) · Priority: \(ticket.priority.label) · \(ticket.category.label)", "priority.\(ticket.priority.rawValue)")
        line("Team: \(detail.teamName ?? "—") · Assignee: \(detail.assignee?.name ?? "nobody yet") · Account: \(detail.account?.name ?? "—")")
        let zone = session.zone
        let firstResponse: (text: String, role: String) = switch detail.firstResponseRecord {
        case .running: sla
        case .breached: (detail.firstResponseRecord.summary(in: zone), "sla.breached")
        default: (detail.firstResponseRecord.summary(in: zone), ThemeRole.muted)
        }
        line("Opened \(Format.time(ticket.createdAt, zone: session.timeZone)) · first response: \(firstResponse.text)", firstResponse.role)
        line(ticket.description.isEmpty ? "" : ticket.description, ThemeRole.muted)
        lines.y += 1
        line("Timeline", ThemeRole.header)
        TimelineView.render(timeline, focused: true, in: Rect(x: area.x, y: lines.y, width: area.width, height: area.maxY - lines.y),
                            zone: session.timeZone, grid: &grid, theme: theme)
    }
}

/// The commands of a ticket's screen.
public enum TicketDetailAction: String, ScreenAction {
    case status, assign, priority, category, reply, newFollowUp

    public var name: String {
        switch self {
        case .status: "status"
        case .assign: "assign"
        case .priority: "priority"
        case .category: "category"
        case .reply: "reply"
        case .newFollowUp: "follow-up"
        }
    }

    public var summary: String {
        switch self {
        case .status: "change the status (the moves its current status allows)"
        case .assign: "assign to a support rep"
        case .priority: "cycle the priority"
        case .category: "change the category (re-routes to its team)"
        case .reply: "reply to the customer or add an internal note"
        case .newFollowUp: "schedule a follow-up"
        }
    }
}
