import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Reads what a screen shows from the store into the state: one page, never a whole table.
struct DataLoader {
    let database: AppDatabase
    static let pageSize = 100
    /// Queue headers count up to this and then say "10,000+": exact counts of huge queues cost a scan per keystroke.
    static let countCap = 10_000

    func load(_ screen: Screen, into state: inout AppState) throws {
        switch screen {
        case .agenda:
            state.agenda = try database.agenda(for: state.user, at: state.now)
            keep(&state, .agenda, ids: state.agendaItems.map(\.id) + (state.agenda?.stalledLeads.map(\.id) ?? []))
        case .leads:
            let query = try leadQuery(state)
            let previous = state.selectedLeadID
            let page = try database.leads(query, limit: Self.pageSize)
            state.leadRows = page.rows
            state.leadNext = page.next
            state.leadCount = try database.countLeads(query, upTo: Self.countCap)
            keep(&state, .leads, ids: page.rows.map(\.id), selectedID: previous)
        case .tickets:
            let previous = state.selectedTicketID
            let query = state.ticketQueue.query(for: state.user)
            let page = try database.tickets(query, limit: Self.pageSize)
            state.ticketRows = page.rows
            state.ticketNext = page.next
            state.ticketCount = try database.countTickets(query, upTo: Self.countCap)
            keep(&state, .tickets, ids: page.rows.map(\.id), selectedID: previous)
        case .followUps:
            let page = try database.followUps(followUpQuery(state), limit: Self.pageSize)
            state.followUpRows = page.rows
            state.followUpNext = page.next
            keep(&state, .followUps, ids: page.rows.map(\.id))
        case .board:
            let previous = state.selectedLeadID
            state.board = try database.pipelineBoard(ownerIDs: try boardOwnerIDs(state), cardsPerStage: Self.boardCards)
            keepBoardSelection(&state, previous: previous)
        case .notifications:
            state.inbox = try database.inbox(for: state.user, at: state.now)
            keep(&state, .notifications, ids: state.inbox.compactMap(\.id))
        case .leadDetail(let id):
            state.leadDetail = try database.leadDetail(id)
        case .ticketDetail(let id):
            state.ticketDetail = try database.ticketDetail(id)
        }
        state.unreadCount = try database.unreadCount(for: state.user, at: state.now)
    }

    static let boardCards = 30

    /// Re-reads the board's totals and the cards of `stages` only, keeping the other columns' cards
    /// (after a card move, which changes two columns). Falls back to a full load if the columns differ.
    func reloadBoard(stages: Set<StageKey>, into state: inout AppState) throws {
        let previous = state.selectedLeadID
        let fresh = try database.pipelineBoard(ownerIDs: try boardOwnerIDs(state), cardsPerStage: Self.boardCards, cardsOf: stages)
        guard fresh.map(\.stage) == state.board.map(\.stage) else { return try load(.board, into: &state) }
        state.board = zip(fresh, state.board).map { column, old in
            guard !stages.contains(column.stage) else { return column }
            var kept = column
            kept.cards = old.cards
            kept.next = old.next
            return kept
        }
        keepBoardSelection(&state, previous: previous)
        state.unreadCount = try database.unreadCount(for: state.user, at: state.now)
    }

    /// Keeps the selected card selected if it is still in its column, else the same position.
    private func keepBoardSelection(_ state: inout AppState, previous: Int64?) {
        state.boardColumn = min(state.boardColumn, max(0, state.board.count - 1))
        if let previous, state.board.indices.contains(state.boardColumn),
           let index = state.board[state.boardColumn].cards.firstIndex(where: { $0.id == previous }) {
            state.boardCard = index
        } else if state.board.indices.contains(state.boardColumn) {
            state.boardCard = min(state.boardCard, max(0, state.board[state.boardColumn].cards.count - 1))
        }
    }

    /// Appends the next page of a list screen, if there is one.
    func loadMore(_ screen: Screen, into state: inout AppState) throws {
        switch screen {
        case .leads:
            guard let next = state.leadNext else { return }
            let page = try database.leads(try leadQuery(state), after: next, limit: Self.pageSize)
            state.leadRows += page.rows
            state.leadNext = page.next
        case .tickets:
            guard let next = state.ticketNext else { return }
            let page = try database.tickets(state.ticketQueue.query(for: state.user), after: next, limit: Self.pageSize)
            state.ticketRows += page.rows
            state.ticketNext = page.next
        case .followUps:
            guard let next = state.followUpNext else { return }
            let page = try database.followUps(followUpQuery(state), after: next, limit: Self.pageSize)
            state.followUpRows += page.rows
            state.followUpNext = page.next
        case .board:
            guard state.board.indices.contains(state.boardColumn), let next = state.board[state.boardColumn].next else { return }
            let column = state.board[state.boardColumn]
            let page = try database.boardCards(stage: column.stage, ownerIDs: try boardOwnerIDs(state), after: next, limit: 30)
            state.board[state.boardColumn].cards += page.rows
            state.board[state.boardColumn].next = page.next
        default:
            return
        }
    }

    private func leadQuery(_ state: AppState) throws -> LeadQuery {
        var query = state.leadQueue.query(for: state.user, teamIDs: state.teamMemberIDs, at: state.now)
        query.sort = state.leadQueue == .hot && state.leadSort == .staleness ? .scoreDescending : state.leadSort
        let filter = try QueueFilter.parse(state.leadFilterText)
        return try filter.apply(to: query, pipeline: state.pipeline) { handle in try? database.user(handle: handle)?.id }
    }

    /// The owners the board is narrowed to; nil for everyone. A name is a user's handle first, then a team's name.
    /// Roles that may see only their own team's board never see past it (the permission table).
    private func boardOwnerIDs(_ state: AppState) throws -> [Int64]? {
        let visible = state.visibleBoardOwnerIDs
        switch state.boardScope {
        case .everyone: return visible
        case .mine: return [state.user.id ?? 0]
        case .myTeam: return state.teamMemberIDs.isEmpty ? [state.user.id ?? 0] : state.teamMemberIDs
        case .named(let name):
            var ids: [Int64]
            if let user = try database.user(handle: name), let id = user.id {
                ids = [id]
            } else if let team = try database.teams().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }), let id = team.id {
                ids = try database.memberIDs(ofTeam: id)
            } else {
                throw DomainError.invalidField(field: "board", reason: "no user or team called '\(name)'")
            }
            if let visible { ids = ids.filter(visible.contains) }
            guard !ids.isEmpty else {
                throw DomainError.invalidField(field: "board", reason: "'\(name)' is outside your team; a \(state.user.role.label) sees their own team's board")
            }
            return ids
        }
    }

    private func followUpQuery(_ state: AppState) -> FollowUpQuery {
        let window = state.followUpRange.bounds(now: state.now, timeZone: TimeZone(identifier: state.user.timeZoneID) ?? .gmt)
        return FollowUpQuery(ownerIDs: state.seesTeamFollowUps ? state.teamMemberIDs : [state.user.id ?? 0],
                             types: state.followUpType.map { [$0] }, dueFrom: window.from, dueBefore: window.before)
    }

    private func keep(_ state: inout AppState, _ screen: Screen, ids: [Int64], selectedID: Int64? = nil) {
        var cursor = state.cursor(screen)
        cursor.keep(id: selectedID, in: ids)
        state.cursors[screen] = cursor
    }
}
