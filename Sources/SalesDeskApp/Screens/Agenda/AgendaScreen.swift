import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let agenda = ScreenID("agenda")
}

/// My Agenda: Overdue, Today, Tomorrow, This week, Later, then what needs attention (stalled leads, tickets
/// waiting for a first response). One list runs through every section.
public struct AgendaScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, complete, reschedule, snooze, move, nextStage, newFollowUp, logActivity

        public var name: String {
            switch self {
            case .open: "open"
            case .complete: "complete"
            case .reschedule: "reschedule"
            case .snooze: "snooze"
            case .move: "move"
            case .nextStage: "next-stage"
            case .newFollowUp: "follow-up"
            case .logActivity: "log"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open the lead or ticket"
            case .complete: "complete: outcome, the next follow-up, a stage move"
            case .reschedule: "reschedule"
            case .snooze: "snooze an hour"
            case .move: "move the lead to a stage"
            case .nextStage: "move the lead to the next stage"
            case .newFollowUp: "schedule a follow-up"
            case .logActivity: "log a call, e-mail or note (no follow-up)"
            }
        }
    }

    public static let id = ScreenID.agenda
    public static let title = "My Agenda"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("c")], .complete, requires: .workFollowUp, hint: "complete"),
        KeyBinding([.character("r")], .reschedule, requires: .workFollowUp, hint: "reschedule"),
        KeyBinding([.character("z")], .snooze, requires: .workFollowUp, hint: "snooze"),
        KeyBinding([.character("m")], .move, requires: .editLead, hint: "move"),
        KeyBinding([.character(">")], .nextStage, requires: .editLead),
        KeyBinding([.character("f")], .newFollowUp, requires: .workFollowUp, hint: "follow-up"),
        KeyBinding([.character("L")], .logActivity, requires: .workFollowUp, hint: "log"),
    ]

    public private(set) var agenda: Agenda?
    public var list = ListState<AgendaItem>()
    /// The first line drawn (sections and their headers scroll together).
    public private(set) var lineOffset = 0

    public init(session: DeskSession, record: RecordReference?) {}

    public var rowsAboveList: Int { 0 }

    public var selection: Selection {
        switch list.selectedRow?.kind {
        case .followUp(let row)?: .activity(row.activity)
        case .stalledLead(let row)?: .lead(row.lead, name: row.contactName)
        case .ticket(let row)?: .ticket(row.ticket)
        case nil: .none
        }
    }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        guard let item = list.selectedRow else { return [.bell] }
        switch item.kind {
        case .followUp(let row):
            switch action {
            case .open: return FollowUpCommands.perform(.open, on: row, &context)
            case .complete: return FollowUpCommands.perform(.complete, on: row, &context)
            case .reschedule: return FollowUpCommands.perform(.reschedule, on: row, &context)
            case .snooze: return FollowUpCommands.perform(.snooze, on: row, &context)
            case .newFollowUp: return FollowUpCommands.perform(.newFollowUp, on: row, &context)
            case .logActivity: return FollowUpCommands.perform(.logActivity, on: row, &context)
            case .move, .nextStage:
                guard case .lead(let id) = row.activity.record else { return [.bell] }
                context.navigation = .open(.leadDetail, .lead(id))
                context.say("Press m on the lead to move it.")
                return []
            }
        case .stalledLead(let row):
            switch action {
            case .open: context.navigation = .open(.leadDetail, .lead(row.id)); return []
            case .move:
                context.modal = .form(FormFactory.moveLead([row.id], name: row.contactName, current: row.lead.stage, session: context.session))
                return []
            case .nextStage: return LeadCommands.nextStage(row.lead, name: row.contactName, &context)
            case .newFollowUp:
                context.modal = .form(FormFactory.newFollowUp(on: .lead(row.id), name: row.contactName))
                return []
            case .logActivity:
                context.modal = .form(FormFactory.logActivity(on: .lead(row.id), name: row.contactName))
                return []
            case .complete, .reschedule, .snooze: return [.bell]
            }
        case .ticket(let row):
            guard action == .open else { return [.bell] }
            context.navigation = .open(.ticketDetail, .ticket(row.id))
            return []
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        _ = list.move(move, viewport: context.viewport)
        scrollLines(viewport: context.viewport)
        return []
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Agenda {
        try database.agenda(for: session.user, at: session.now)
    }

    public mutating func apply(_ loaded: Agenda, for request: LoadRequest, _ context: inout ScreenContext) {
        agenda = loaded
        list.replaceAll(with: AgendaItem.items(of: loaded))
        scrollLines(viewport: context.viewport)
    }

    /// Keeps the selected item's line on screen.
    private mutating func scrollLines(viewport: Int) {
        guard let agenda else { return }
        let lines = AgendaLayout.lines(agenda, session: nil)
        let selectedLine = lines.firstIndex { $0.item == list.selected } ?? 0
        if selectedLine < lineOffset + 1 { lineOffset = max(0, selectedLine - 1) }
        if selectedLine >= lineOffset + viewport { lineOffset = selectedLine - viewport + 1 }
        lineOffset = max(0, min(lineOffset, max(0, lines.count - viewport)))
    }
}

/// One selectable agenda line: a follow-up, a stalled lead or a ticket awaiting a first response.
public struct AgendaItem: Sendable, Identifiable {
    public enum Kind: Sendable {
        case followUp(FollowUpRow)
        case stalledLead(LeadRow)
        case ticket(TicketRow)
    }

    public var kind: Kind
    /// Unique across kinds (follow-up ids, lead ids and ticket ids may coincide).
    public var id: Int64

    static func items(of agenda: Agenda) -> [AgendaItem] {
        agenda.sections.flatMap(\.items).map { AgendaItem(kind: .followUp($0), id: $0.id) }
            + agenda.stalledLeads.map { AgendaItem(kind: .stalledLead($0), id: -$0.id) }
            + agenda.ticketsAwaitingResponse.map { AgendaItem(kind: .ticket($0), id: -(1 << 40) - $0.id) }
    }
}
