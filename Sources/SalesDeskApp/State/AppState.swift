import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Everything the desk shows, as a value: `update` changes it, screens draw it.
public struct AppState: Sendable {
    /// A modal layer over the screen.
    public enum Modal: Sendable, Equatable {
        case form(FormState)
        case help(TextField)
        case confirmQuit
        /// The mapping and first rows of a file about to be imported; its progress while it runs.
        case importPreview(ImportPreview)
    }

    /// The status line's message.
    public struct StatusMessage: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public var user: User
    public var teamMemberIDs: [Int64] = []
    public var pipeline: Pipeline
    public var now: Date
    public var screen: Screen = .agenda
    public var history: [Screen] = []
    public var width: Int
    public var height: Int
    public var theme: Theme
    public var modal: Modal?
    public var status: StatusMessage?
    public var isRunning = true
    public var readOnly = false

    // Data, loaded by the runtime.
    public var agenda: Agenda?
    public var leadQueue: LeadQueue = .newToContact
    public var leadFilterText = ""
    public var leadSort: LeadQuery.Sort = .staleness
    public var leadRows: [LeadRow] = []
    public var leadNext: PageCursor?
    public var leadCount = 0
    public var ticketQueue: TicketQueue = .untriaged
    public var ticketRows: [TicketRow] = []
    public var ticketNext: PageCursor?
    public var ticketCount = 0
    public var followUpType: ActivityType?
    public var followUpRange: FollowUpRange = .all
    public var followUpRows: [FollowUpRow] = []
    public var followUpNext: PageCursor?
    public var board: [BoardColumn] = []
    public var boardColumn = 0
    public var boardCard = 0
    public var boardScope: BoardScope = .everyone
    public var leadDetail: LeadDetail?
    public var ticketDetail: TicketDetail?
    public var inbox: [SalesDeskDomain.Notification] = []
    public var unreadCount = 0
    public var cursors: [Screen: ListCursor] = [:]

    public init(user: User, pipeline: Pipeline, now: Date, width: Int, height: Int, theme: Theme) {
        self.user = user
        self.pipeline = pipeline
        self.now = now
        self.width = width
        self.height = height
        self.theme = theme
    }

    /// Managers work their team's follow-ups; everyone else their own.
    public var seesTeamFollowUps: Bool { user.role == .manager && !teamMemberIDs.isEmpty }

    /// The smallest terminal the desk draws in.
    public static let minimumSize = (width: 60, height: 15)

    /// The selection of a list screen.
    public func cursor(_ screen: Screen) -> ListCursor { cursors[screen] ?? ListCursor() }

    /// The agenda's selectable items, in display order.
    public var agendaItems: [FollowUpRow] { agenda?.sections.flatMap(\.items) ?? [] }

    /// How many rows the current list screen holds.
    public func rowCount(_ screen: Screen) -> Int {
        switch screen {
        case .agenda: agendaItems.count + (agenda?.stalledLeads.count ?? 0) + (agenda?.ticketsAwaitingResponse.count ?? 0)
        case .leads: leadRows.count
        case .tickets: ticketRows.count
        case .followUps: followUpRows.count
        case .notifications: inbox.count
        case .leadDetail: leadDetail?.activities.count ?? 0
        case .ticketDetail: ticketDetail?.comments.count ?? 0
        case .board: board.indices.contains(boardColumn) ? board[boardColumn].cards.count : 0
        }
    }

    /// The selected lead on the Leads screen or board, or the lead of the selected agenda item.
    public var selectedLeadID: Int64? {
        switch screen {
        case .leads:
            let index = cursor(.leads).selected
            return leadRows.indices.contains(index) ? leadRows[index].id : nil
        case .board:
            guard board.indices.contains(boardColumn), board[boardColumn].cards.indices.contains(boardCard) else { return nil }
            return board[boardColumn].cards[boardCard].id
        case .leadDetail(let id):
            return id
        case .agenda:
            let index = cursor(.agenda).selected
            let items = agendaItems
            if items.indices.contains(index) {
                if case .lead(let id) = items[index].activity.record { return id }
                return nil
            }
            let stalled = agenda?.stalledLeads ?? []
            return stalled.indices.contains(index - items.count) ? stalled[index - items.count].id : nil
        default:
            return nil
        }
    }

    /// The selected follow-up on the agenda, the follow-up list or the lead screen.
    public var selectedActivity: Activity? {
        switch screen {
        case .agenda:
            let index = cursor(.agenda).selected
            return agendaItems.indices.contains(index) ? agendaItems[index].activity : nil
        case .followUps:
            let index = cursor(.followUps).selected
            return followUpRows.indices.contains(index) ? followUpRows[index].activity : nil
        case .leadDetail:
            let index = cursor(screen).selected
            let activities = leadDetail?.activities ?? []
            return activities.indices.contains(index) ? activities[index] : nil
        default:
            return nil
        }
    }

    /// The selected ticket on the Tickets screen or the ticket screen.
    public var selectedTicketID: Int64? {
        switch screen {
        case .tickets:
            let index = cursor(.tickets).selected
            return ticketRows.indices.contains(index) ? ticketRows[index].id : nil
        case .ticketDetail(let id):
            return id
        case .agenda:
            // After the follow-ups and the stalled leads come the tickets awaiting a first response.
            let index = cursor(.agenda).selected - agendaItems.count - (agenda?.stalledLeads.count ?? 0)
            let tickets = agenda?.ticketsAwaitingResponse ?? []
            return tickets.indices.contains(index) ? tickets[index].id : nil
        default:
            return nil
        }
    }
}
