import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let tickets = ScreenID("tickets")
}

/// The Tickets screen: queue tabs and the triage table with the SLA clock, paged on demand in both directions.
public struct TicketsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, nextQueue, previousQueue, search, clearSearch, newTicket, assign, status, priority, category, reply, newFollowUp

        public var name: String {
            switch self {
            case .open: "open"
            case .nextQueue: "next-queue"
            case .previousQueue: "previous-queue"
            case .search: "search"
            case .clearSearch: "clear-search"
            case .newTicket: "new-ticket"
            case .assign: "assign"
            case .status: "status"
            case .priority: "priority"
            case .category: "category"
            case .reply: "reply"
            case .newFollowUp: "follow-up"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open the ticket"
            case .nextQueue: "next queue tab"
            case .previousQueue: "previous queue tab"
            case .search: "search: a number (T-000123 or 123), words of the subject, account or contact"
            case .clearSearch: "clear the search"
            case .newTicket: "new ticket"
            case .assign: "assign to a support rep"
            case .status: "change the status (the moves its status allows)"
            case .priority: "cycle the priority"
            case .category: "change the category (re-routes to its team)"
            case .reply: "reply to the customer or add an internal note"
            case .newFollowUp: "schedule a follow-up"
            }
        }
    }

    public static let id = ScreenID.tickets
    public static let title = "Tickets"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("]"), .right], .nextQueue, hint: "queue"),
        KeyBinding([.character("["), .left], .previousQueue),
        KeyBinding([.character("/")], .search, hint: "search"),
        KeyBinding([.escape], .clearSearch),
        KeyBinding([.character("+")], .newTicket, requires: .createTicket, hint: "new"),
        KeyBinding([.character("a")], .assign, requires: .assignTicket, hint: "assign"),
        KeyBinding([.character("s")], .status, requires: .workTicket, hint: "status"),
        KeyBinding([.character("p")], .priority, requires: .workTicket, hint: "priority"),
        KeyBinding([.character("c")], .category, requires: .workTicket, hint: "category"),
        KeyBinding([.character("R")], .reply, requires: .workTicket, hint: "reply"),
        KeyBinding([.character("f")], .newFollowUp, requires: .workFollowUp),
    ]

    public var queue: TicketQueue = .untriaged
    /// What the `/` search narrows the queue to (number, subject, account, contact).
    public var searchText = ""
    /// The search of the rows on show (the header names it; a read for a new search may still be running).
    var shownSearchText = ""
    public var prompt: FilterPrompt?
    public var list = ListState<TicketRow>()
    public var count = 0

    public init(session: DeskSession, record: RecordReference?) {}

    public var rowsAboveList: Int { 3 }

    public var typesText: Bool { prompt != nil }

    public var selection: Selection { list.selectedRow.map { .ticket($0.ticket) } ?? .none }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        TicketCommands.perform(action, on: list.selectedRow?.ticket, screen: self, &context) ?? {
            switch action {
            case .nextQueue, .previousQueue:
                let all = TicketQueue.allCases
                queue = all[(queue.rawValue + (action == .nextQueue ? 1 : all.count - 1)) % all.count]
                return [.load(Self.id, .reset)]
            case .search:
                prompt = FilterPrompt(text: searchText)
                return []
            case .clearSearch:
                guard !searchText.isEmpty else { return [] }
                searchText = ""
                context.say("Search cleared.")
                return [.load(Self.id, .reset)]
            default:
                return []
            }
        }()
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        list.move(move, viewport: context.viewport).map { [.load(Self.id, .page($0))] } ?? []
    }

    public mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        guard let outcome = FilterPrompt.type(key, into: &prompt) else { return nil }
        switch outcome {
        case .none, .accepted:
            return []
        case .cleared:
            let had = !searchText.isEmpty
            searchText = ""
            return had ? [.load(Self.id, .reset)] : []
        case .changed(let text):
            searchText = text.trimmingCharacters(in: .whitespaces)
            return [.load(Self.id, .reset)]
        }
    }

    /// The queue's query narrowed by the search.
    func query(_ session: DeskSession) -> TicketQuery {
        var query = queue.query(for: session.user)
        // One character is not searched yet (see LeadFilter.shortestWord), unless it is a ticket number.
        if searchText.count >= LeadFilter.shortestWord || Int(searchText) != nil { query.searchText = searchText }
        return query
    }

    public struct Loaded: Sendable {
        var request: PageRequest
        var page: Page<TicketRow>
        var count: Int?
        /// The search the rows were read with.
        var searchText = ""
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let query = query(session)
        let (pageRequest, limit, counts) = ListLoading.plan(request, list)
        let page = try database.tickets(query, page: pageRequest, limit: limit)
        return Loaded(request: pageRequest, page: page, count: counts ? try database.countTickets(query, upTo: LeadsScreen.countCap) : nil,
                      searchText: searchText)
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        list.apply(loaded.page, for: loaded.request, mode: ListLoading.mode(request, loaded.request), viewport: context.viewport)
        if let count = loaded.count { self.count = count }
        if request == .reset || request == .refresh { shownSearchText = loaded.searchText }
    }

    public mutating func loadFailed(_ request: LoadRequest) { list.clearPending() }

    static let table = TableView(columns: [
        .init(title: "NUMBER", width: .fixed(8)),
        .init(title: "SUBJECT", width: .flexible(min: 16, weight: 2)),
        .init(title: "ACCOUNT", width: .flexible(min: 10)),
        .init(title: "PRIORITY", width: .fixed(8)),
        .init(title: "SLA", width: .fixed(21)),
        .init(title: "STATUS", width: .fixed(19)),
        .init(title: "ASSIGNEE", width: .fixed(8)),
        .init(title: "TEAM", width: .fixed(16)),
    ])

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        TabBar.render(TicketQueue.allCases.map(\.title), active: queue.rawValue, y: area.y, in: area, grid: &grid, theme: theme)
        if let prompt {
            prompt.render(x: area.x + 1, y: area.y + 1, width: area.width - 2, hint: "number, subject, account or contact · Enter keeps · Esc clears", grid: &grid, theme: theme)
        } else {
            let search = shownSearchText.isEmpty ? "" : " · search: \(shownSearchText) (Esc clears)"
            grid.put(Format.count(count, "ticket", cap: LeadsScreen.countCap) + search, x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted), maxWidth: area.width - 2)
        }
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        ListView.render(list, table: Self.table, in: body, empty: searchText.isEmpty ? "No tickets in this queue." : "No ticket in this queue matches the search (Esc clears it).", theme: theme, grid: &grid) { row in
            let ticket = row.ticket
            let sla = Format.sla(ticket, row.firstResponse, now: session.now, zone: session.timeZone)
            return [
                .init(ticket.number), .init(ticket.subject), .init(row.accountName ?? ""),
                .init(ticket.priority.label, role: "priority.\(ticket.priority.rawValue)"), .init(sla.text, role: sla.role),
                .init(ticket.status.label), .init(row.assigneeHandle ?? "—"), .init(row.teamName ?? ""),
            ]
        }
    }
}

/// Ticket commands shared by the Tickets list and a ticket's screen.
enum TicketCommands {
    /// Runs `action` on `ticket`; nil for the list's own actions (queues), which the list handles.
    static func perform(_ action: TicketsScreen.Action, on ticket: Ticket?, screen: TicketsScreen?, _ context: inout ScreenContext) -> [Effect]? {
        switch action {
        case .nextQueue, .previousQueue, .search, .clearSearch: return nil
        case .newTicket:
            context.modal = .form(FormFactory.newTicket())
            return []
        default: break
        }
        guard let ticket, let id = ticket.id else { return [.bell] }
        func show(_ form: FormState?) -> [Effect] {
            guard let form else { return [.bell] }
            context.modal = .form(form)
            return []
        }
        switch action {
        case .open:
            context.navigation = .open(.ticketDetail, .ticket(id))
            return []
        case .assign: return show(FormFactory.assignTicket(ticket, session: context.session))
        case .status:
            guard let form = FormFactory.ticketStatus(ticket) else {
                context.say("\(ticket.number) is \(ticket.status.label): no further status.", error: true)
                return [.bell]
            }
            return show(form)
        case .priority: return [.write(.cycleTicketPriority(id))]
        case .category: return show(FormFactory.ticketCategory(ticket))
        case .reply: return show(FormFactory.reply(ticket))
        case .newFollowUp: return show(FormFactory.newFollowUp(on: .ticket(id), name: ticket.number))
        case .nextQueue, .previousQueue, .search, .clearSearch, .newTicket: return nil
        }
    }
}
