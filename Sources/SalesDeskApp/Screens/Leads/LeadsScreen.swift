import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let leads = ScreenID("leads")
}

/// The Leads screen: queue tabs, a `/` filter, a sort, and the queue's table, paged on demand in both directions.
public struct LeadsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, nextQueue, previousQueue, sort, filter, clearFilter, move, nextStage, assign, newLead, edit, hold
        case mark, newFollowUp, logActivity, importFile

        public var name: String {
            switch self {
            case .open: "open"
            case .nextQueue: "next-queue"
            case .previousQueue: "previous-queue"
            case .sort: "sort"
            case .filter: "filter"
            case .clearFilter: "clear-filter"
            case .move: "move"
            case .nextStage: "next-stage"
            case .assign: "assign"
            case .newLead: "new-lead"
            case .edit: "edit"
            case .hold: "hold"
            case .mark: "mark"
            case .newFollowUp: "follow-up"
            case .logActivity: "log"
            case .importFile: "import"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open the lead"
            case .nextQueue: "next queue tab"
            case .previousQueue: "previous queue tab"
            case .sort: "change the sort (the list starts again at the top)"
            case .filter: "filter: words, stage:…, owner:…, score:… (Enter keeps, Esc clears)"
            case .clearFilter: "clear the filter"
            case .move: "move to a stage (the marked leads, or this one)"
            case .nextStage: "move to the next stage"
            case .assign: "assign to another owner"
            case .newLead: "new lead"
            case .edit: "edit the deal"
            case .hold: "put on hold / resume"
            case .mark: "mark for a bulk move or assign"
            case .newFollowUp: "schedule a follow-up"
            case .logActivity: "log a call, e-mail or note (no follow-up)"
            case .importFile: "import leads from a CSV or Excel file"
            }
        }
    }

    public static let id = ScreenID.leads
    public static let title = "Leads"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("]"), .right], .nextQueue, hint: "queue"),
        KeyBinding([.character("["), .left], .previousQueue),
        KeyBinding([.character("/")], .filter, hint: "filter"),
        KeyBinding([.escape], .clearFilter),
        KeyBinding([.character("o")], .sort, hint: "sort"),
        KeyBinding([.character("m")], .move, requires: .editLead, hint: "move"),
        KeyBinding([.character(">")], .nextStage, requires: .editLead, hint: "next stage"),
        KeyBinding([.character("a")], .assign, requires: .assignLead, hint: "assign"),
        KeyBinding([.character("+")], .newLead, requires: .createLead, hint: "new"),
        KeyBinding([.character("e")], .edit, requires: .editLead, hint: "edit"),
        KeyBinding([.character("O")], .hold, requires: .editLead),
        KeyBinding([.character(" ")], .mark, requires: .editLead, hint: "mark"),
        // Work on a lead is for those who may work leads (a support rep may not, since reps work only their own).
        KeyBinding([.character("f")], .newFollowUp, requires: .editLead, hint: "follow-up"),
        KeyBinding([.character("L")], .logActivity, requires: .editLead, hint: "log"),
        KeyBinding([.character("I")], .importFile, requires: .importRecords),
    ]

    public var queue: LeadQueue = .newToContact
    public var sort: LeadQuery.Sort = .staleness
    /// The filter in force and the text it came from.
    public var filter = LeadFilter()
    public var filterText = ""
    /// The filter of the rows on show (the header names it; a read for a new filter may still be running).
    var shownFilterText = ""
    /// The `/` line while it is open.
    public var prompt: FilterPrompt?
    public var list = ListState<LeadRow>()
    /// How many leads the queue holds (counted up to ``countCap``); nil when a common search word makes counting costly.
    public var count: Int? = 0

    /// Queue counts stop here ("10,000+"): exact counts of huge queues cost a scan per keystroke.
    public static let countCap = 10_000
    /// Extra reads a short page (a search walk that ran out of budget) may take to fill the screen. Each walks
    /// up to 20,000 leads (`LeadSearchWalk.walkBudget`); more come as the user scrolls.
    static let shortPageReads = 1

    public init(session: DeskSession, record: RecordReference?) {}

    public var rowsAboveList: Int { 3 }

    public var typesText: Bool { prompt != nil }

    public var selection: Selection {
        list.selectedRow.map { .lead($0.lead, name: $0.contactName) } ?? .none
    }

    /// The marked leads, or the selected one.
    var targetIDs: [Int64] {
        list.marked.isEmpty ? list.selectedRow.map { [$0.id] } ?? [] : list.marked.sorted()
    }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let session = context.session
        switch action {
        case .open:
            guard let id = list.selectedRow?.id else { return [] }
            context.navigation = .open(.leadDetail, .lead(id))
            return []
        case .nextQueue, .previousQueue:
            let all = LeadQueue.allCases
            queue = all[(queue.rawValue + (action == .nextQueue ? 1 : all.count - 1)) % all.count]
            return [.load(Self.id, .reset)]
        case .sort:
            let all = LeadQuery.Sort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            context.say("Sorted by \(sort.label); showing the top of the list.")
            return [.load(Self.id, .reset)]
        case .filter:
            prompt = FilterPrompt(text: filterText)
            return []
        case .clearFilter:
            guard !filterText.isEmpty else { return [] }
            filterText = ""
            filter = LeadFilter()
            context.say("Filter cleared.")
            return [.load(Self.id, .reset)]
        case .move, .nextStage:
            let ids = targetIDs
            guard let row = list.selectedRow, !ids.isEmpty else { return [.bell] }
            if action == .nextStage {
                return LeadCommands.nextStage(row.lead, name: row.contactName, &context)
            }
            context.modal = .form(FormFactory.moveLead(ids, name: ids.count == 1 ? row.contactName : nil, current: ids.count == 1 ? row.lead.stage : nil, session: session))
            return []
        case .assign:
            let ids = targetIDs
            guard !ids.isEmpty else { return [.bell] }
            context.modal = .form(FormFactory.assignLeads(ids, name: list.selectedRow?.contactName, session: session))
            return []
        case .newLead:
            context.modal = .form(FormFactory.newLead())
            return []
        case .edit:
            guard let row = list.selectedRow, let form = FormFactory.editLead(row.lead, name: row.contactName) else { return [.bell] }
            context.modal = .form(form)
            return []
        case .hold:
            guard let id = list.selectedRow?.id else { return [.bell] }
            return [.write(.toggleOnHold(id))]
        case .mark:
            return page(list.toggleMark(viewport: context.viewport))
        case .newFollowUp:
            guard let row = list.selectedRow else { return [.bell] }
            context.modal = .form(FormFactory.newFollowUp(on: .lead(row.id), name: row.contactName))
            return []
        case .logActivity:
            guard let row = list.selectedRow else { return [.bell] }
            context.modal = .form(FormFactory.logActivity(on: .lead(row.id), name: row.contactName))
            return []
        case .importFile:
            context.modal = .form(FormFactory.importFile())
            return []
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        page(list.move(move, viewport: context.viewport))
    }

    public mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        let pendingError = prompt?.error
        guard let outcome = FilterPrompt.type(key, into: &prompt) else { return nil }
        switch outcome {
        case .none:
            return []
        case .accepted:
            if let pendingError { context.say("The filter still reads '\(filterText)': \(pendingError)", error: true) }
            return []
        case .cleared:
            let hadFilter = !filterText.isEmpty
            filterText = ""
            filter = LeadFilter()
            return hadFilter ? [.load(Self.id, .reset)] : []
        case .changed(let text):
            do {
                filter = try LeadFilter.parse(text, session: context.session)
                filterText = text
                prompt?.error = nil
                return [.load(Self.id, .reset)]
            } catch {
                prompt?.error = error.description
                return []
            }
        }
    }

    /// The queue's query with the sort and filter applied.
    func query(_ session: DeskSession) -> LeadQuery {
        var query = queue.query(for: session.user, teamIDs: session.teamMemberIDs, at: session.now)
        query.sort = queue == .hot && sort == .staleness ? .scoreDescending : sort
        return filter.apply(to: query)
    }

    public struct Loaded: Sendable {
        var request: PageRequest
        var page: Page<LeadRow>
        /// nil: not counted this time; .some(nil): too costly to count (a common search word).
        var count: Int??
        /// The filter the rows were read with.
        var filterText = ""
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let query = query(session)
        let (pageRequest, limit, counts) = ListLoading.plan(request, list)
        var page = try database.leads(query, page: pageRequest, limit: limit)
        // A search for a common word walks a bounded stretch of the queue per read and may come back short:
        // read on (a few times at most) so the screen fills.
        for _ in 0..<Self.shortPageReads where page.rows.count < limit && !pageRequest.isBackward {
            guard let next = page.next else { break }
            let more = try database.leads(query, page: .after(next), limit: limit - page.rows.count)
            page = Page(rows: page.rows + more.rows, next: more.next, previous: page.previous, cursors: page.cursors + more.cursors)
        }
        return Loaded(request: pageRequest, page: page, count: counts ? .some(try database.countLeadsIfQuick(query, upTo: Self.countCap)) : nil,
                      filterText: filterText)
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        list.apply(loaded.page, for: loaded.request, mode: ListLoading.mode(request, loaded.request), viewport: context.viewport)
        if let count = loaded.count { self.count = count }
        if request == .reset || request == .refresh { shownFilterText = loaded.filterText }
    }

    public mutating func loadFailed(_ request: LoadRequest) { list.clearPending() }

    public mutating func clearMarks() { list.marked.removeAll() }

    private func page(_ request: PageRequest?) -> [Effect] {
        request.map { [.load(Self.id, .page($0))] } ?? []
    }
}

extension LeadQuery.Sort {
    /// The sort's name for the status line and the summary.
    var label: String {
        switch self {
        case .staleness: "days in stage"
        case .valueDescending: "value"
        case .scoreDescending: "score"
        case .newest: "newest"
        case .name: "name"
        }
    }
}
