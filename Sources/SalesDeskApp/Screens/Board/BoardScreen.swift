import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let board = ScreenID("board")
}

/// The pipeline board: one column per stage with its count and totals, and its cards (each column a paged list).
public struct BoardScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, columnLeft, columnRight, cardLeft, cardRight, whose, filter, clearFilter, move, assign, period

        public var name: String {
            switch self {
            case .open: "open"
            case .columnLeft: "column-left"
            case .columnRight: "column-right"
            case .cardLeft: "card-left"
            case .cardRight: "card-right"
            case .whose: "whose"
            case .filter: "filter"
            case .clearFilter: "clear-filter"
            case .move: "move"
            case .assign: "assign"
            case .period: "period"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open the deal"
            case .columnLeft: "previous column"
            case .columnRight: "next column"
            case .cardLeft: "move the card to the previous stage"
            case .cardRight: "move the card to the next stage"
            case .whose: "whose deals: mine / my team (/ everyone, for managers)"
            case .filter: "show one owner's or one team's deals"
            case .clearFilter: "back to the whole board"
            case .move: "move the card to a stage"
            case .assign: "assign the deal to another owner"
            case .period: "Won and Lost: this month / this quarter / all time"
            }
        }
    }

    public static let id = ScreenID.board
    public static let title = "Board"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("h"), .left], .columnLeft),
        KeyBinding([.character("l"), .right], .columnRight),
        KeyBinding([.character("H"), .character("<")], .cardLeft, requires: .editLead, hint: "card ←"),
        KeyBinding([.character("L"), .character(">")], .cardRight, requires: .editLead, hint: "card →"),
        KeyBinding([.character("m")], .move, requires: .editLead, hint: "move"),
        KeyBinding([.character("f")], .whose, hint: "whose"),
        KeyBinding([.character("/")], .filter, hint: "owner/team"),
        KeyBinding([.escape], .clearFilter),
        KeyBinding([.character("a")], .assign, requires: .assignLead, hint: "assign"),
        KeyBinding([.character("p")], .period, hint: "period"),
    ]

    /// Each stage's count and totals (cards are in ``cards``).
    public var columns: [BoardColumn] = []
    /// Each stage's cards, a paged list per column.
    public var cards: [StageKey: ListState<LeadRow>] = [:]
    /// The focused column.
    public var focus = 0
    /// Whose deals are asked for, and whose are on show (they differ only while a load is on its way).
    public var scope: BoardScope
    public private(set) var shownScope: BoardScope
    /// Which closed deals the Won and Lost columns show; nil for all time.
    public var period: ClosedPeriod? = .thisMonth
    /// A card just moved, to select in its new column once it is loaded.
    var follow: (id: Int64, stage: StageKey)?

    public init(session: DeskSession, record: RecordReference?) {
        // A rep may move only their own deals, so their board starts on "my deals".
        scope = session.permissions.scope(of: .editLead, for: session.user.role) == .own ? .mine : .everyone
        if !session.seesEveryTeam, scope == .everyone { scope = .myTeam }
        shownScope = scope
    }

    public var rowsAboveList: Int { 3 + Self.headerRows }
    public var rowsPerItem: Int { 2 }

    var focusedStage: StageKey? { columns.indices.contains(focus) ? columns[focus].stage : nil }
    var focusedCards: ListState<LeadRow> { focusedStage.flatMap { cards[$0] } ?? ListState() }

    public var selection: Selection {
        focusedCards.selectedRow.map { .lead($0.lead, name: $0.contactName) } ?? .none
    }

    /// The scopes `f` cycles through: a role that sees only its own team has no "everyone" step.
    static func scopes(_ session: DeskSession) -> [BoardScope] {
        session.seesEveryTeam ? [.everyone, .mine, .myTeam] : [.mine, .myTeam]
    }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .columnLeft, .columnRight:
            guard !columns.isEmpty else { return [] }
            focus = max(0, min(columns.count - 1, focus + (action == .columnRight ? 1 : -1)))
            return []
        case .whose:
            let scopes = Self.scopes(context.session)
            scope = scopes[((scopes.firstIndex(of: scope) ?? -1) + 1) % scopes.count]
            return [.load(Self.id, .reset)]
        case .filter:
            let current: String = if case .named(let name) = scope { name } else { "" }
            context.modal = .form(FormFactory.boardOwner(current: current))
            return []
        case .period:
            period = switch period {
            case .thisMonth?: .thisQuarter
            case .thisQuarter?: nil
            default: .thisMonth
            }
            return [.load(Self.id, .reset)]
        case .clearFilter:
            guard case .named = scope else { return [] }
            scope = Self.scopes(context.session)[0]
            return [.load(Self.id, .reset)]
        case .open, .cardLeft, .cardRight, .move, .assign:
            guard let row = focusedCards.selectedRow, let stage = focusedStage else { return [.bell] }
            return perform(action, on: row, in: stage, &context)
        }
    }

    private mutating func perform(_ action: Action, on row: LeadRow, in stage: StageKey, _ context: inout ScreenContext) -> [Effect] {
        let session = context.session
        switch action {
        case .open:
            context.navigation = .open(.leadDetail, .lead(row.id))
            return []
        case .cardLeft, .cardRight:
            let keys = session.pipeline.allKeys
            guard let index = keys.firstIndex(of: stage), keys.indices.contains(index + (action == .cardRight ? 1 : -1)) else { return [.bell] }
            let target = keys[index + (action == .cardRight ? 1 : -1)]
            follow = (row.id, target)
            if target == .lost {
                context.modal = .form(FormFactory.moveLead([row.id], name: row.contactName, current: stage, to: .lost, session: session))
                return []
            }
            return [.write(.moveLeads([row.id], to: target, lossReason: nil))]
        case .move:
            follow = (row.id, stage)
            context.modal = .form(FormFactory.moveLead([row.id], name: row.contactName, current: stage, session: session))
            return []
        case .assign:
            context.modal = .form(FormFactory.assignLeads([row.id], name: row.contactName, session: session))
            return []
        case .columnLeft, .columnRight, .whose, .filter, .clearFilter, .period:
            return []
        }
    }

    /// `/` on the board: a user's handle or a team's name (blank: the whole board).
    mutating func showOwner(_ name: String, _ context: inout ScreenContext) -> [Effect] {
        scope = name.isEmpty ? Self.scopes(context.session)[0] : .named(name)
        return [.load(Self.id, .reset)]
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        guard let stage = focusedStage, var list = cards[stage] else { return [] }
        let request = list.move(move, viewport: context.viewport)
        cards[stage] = list
        return request.map { [.load(Self.id, .page($0))] } ?? []
    }

    /// After a move on the board, only the columns it changed are read again (and the totals).
    public func reload(after write: DeskWrite) -> LoadRequest {
        guard case .moveLeads(let ids, let target, _) = write else { return .refresh }
        var stages: Set<StageKey> = [target]
        for id in ids {
            guard let stage = cards.first(where: { $0.value.rows.contains { $0.id == id } })?.key else { return .refresh }
            stages.insert(stage)
        }
        return .stages(stages)
    }
}

extension BoardScreen {
    /// Cards read per column at a time.
    static let cardsPerPage = 30

    public struct Loaded: Sendable {
        var scope: BoardScope
        /// The columns' totals; nil for a page of one column.
        var columns: [BoardColumn]?
        /// Pages of cards read, per stage, with the request each answers.
        var pages: [StageKey: (request: PageRequest, page: Page<LeadRow>)]
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let owners = try BoardOwners.ids(for: scope, session: session, database: database)
        let closed = period?.interval(at: session.now, in: session.zone)
        if case .page(let page) = request, let stage = focusedStage {
            let cards = try database.boardCards(stage: stage, ownerIDs: owners, closedDuring: closed, page: page, limit: Self.cardsPerPage)
            return Loaded(scope: scope, pages: [stage: (page, cards)])
        }
        let columns = try database.pipelineBoard(ownerIDs: owners, cardsPerStage: 0, cardsOf: [], closedDuring: closed)
        var pages: [StageKey: (request: PageRequest, page: Page<LeadRow>)] = [:]
        for column in columns {
            let list = cards[column.stage] ?? ListState()
            let page: PageRequest
            switch request {
            case .reset: page = .first
            case .stages(let stages):
                guard stages.contains(column.stage) else { continue }
                page = follow?.stage == column.stage ? .last : list.refreshRequest
            default: page = list.refreshRequest
            }
            let limit = page == .first || page == .last ? Self.cardsPerPage : max(Self.cardsPerPage, list.refreshLimit)
            pages[column.stage] = (page, try database.boardCards(stage: column.stage, ownerIDs: owners, closedDuring: closed, page: page, limit: limit))
        }
        return Loaded(scope: scope, columns: columns, pages: pages)
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        shownScope = loaded.scope
        if let columns = loaded.columns {
            self.columns = columns
            focus = min(focus, max(0, columns.count - 1))
        }
        for (stage, read) in loaded.pages {
            var list = cards[stage] ?? ListState()
            list.apply(read.page, for: read.request, mode: ListLoading.mode(request, read.request), viewport: context.viewport)
            cards[stage] = list
        }
        if case .reset = request { cards = cards.filter { loaded.pages[$0.key] != nil } }
        if let follow, let index = columns.firstIndex(where: { $0.stage == follow.stage }), cards[follow.stage]?.select(id: follow.id, viewport: context.viewport) == true {
            focus = index
            self.follow = nil
        }
    }

    public mutating func loadFailed(_ request: LoadRequest) {
        scope = shownScope
        follow = nil
        if let stage = focusedStage { cards[stage]?.clearPending() }
    }
}

/// Whose deals a board scope means, as owner ids (nil: everyone), within what the user may see.
enum BoardOwners {
    static func ids(for scope: BoardScope, session: DeskSession, database: AppDatabase) throws -> [Int64]? {
        let me = session.user.id ?? 0
        let visible: [Int64]? = session.seesEveryTeam ? nil : Array(Set(session.teamMemberIDs + [me])).sorted()
        switch scope {
        case .everyone: return visible
        case .mine: return [me]
        case .myTeam: return session.teamMemberIDs.isEmpty ? [me] : session.teamMemberIDs
        case .named(let name):
            var ids: [Int64]
            if let user = session.people.first(where: { $0.handle.caseInsensitiveCompare(name) == .orderedSame }), let id = user.id {
                ids = [id]
            } else if let team = try database.teams().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }), let id = team.id {
                ids = try database.memberIDs(ofTeam: id)
            } else {
                let teams = try database.teams().map(\.name).joined(separator: ", ")
                throw DomainError.invalidField(field: "board", reason: "no user or team called '\(name)'; teams: \(teams)")
            }
            if let visible { ids = ids.filter(visible.contains) }
            guard !ids.isEmpty else {
                throw DomainError.invalidField(field: "board", reason: "'\(name)' is outside your team; a \(session.user.role.label) sees their own team's board")
            }
            return ids
        }
    }
}
