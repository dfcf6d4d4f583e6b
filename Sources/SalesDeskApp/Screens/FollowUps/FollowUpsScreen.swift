import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let followUps = ScreenID("follow-ups")
}

/// The Follow-ups screen: planned follow-ups, soonest first, by type and due window; marks for a bulk reschedule.
public struct FollowUpsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, complete, reschedule, snooze, mark, type, dueRange, newFollowUp, logActivity

        public var name: String {
            switch self {
            case .open: "open"
            case .complete: "complete"
            case .reschedule: "reschedule"
            case .snooze: "snooze"
            case .mark: "mark"
            case .type: "type"
            case .dueRange: "due"
            case .newFollowUp: "follow-up"
            case .logActivity: "log"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open its lead or ticket"
            case .complete: "complete: outcome, the next follow-up, a stage move"
            case .reschedule: "reschedule (the marked ones, or this one)"
            case .snooze: "snooze an hour"
            case .mark: "mark for a bulk reschedule"
            case .type: "show one type (call, e-mail, …) or all"
            case .dueRange: "due: any / overdue / today / next 7 days"
            case .newFollowUp: "schedule a follow-up on the same record"
            case .logActivity: "log a call, e-mail or note on the same record (no follow-up)"
            }
        }
    }

    public static let id = ScreenID.followUps
    public static let title = "Follow-ups"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("c")], .complete, requires: .workFollowUp, hint: "complete"),
        KeyBinding([.character("r")], .reschedule, requires: .workFollowUp, hint: "reschedule"),
        KeyBinding([.character("z")], .snooze, requires: .workFollowUp, hint: "snooze"),
        KeyBinding([.character(" ")], .mark, requires: .workFollowUp, hint: "mark"),
        KeyBinding([.character("t")], .type, hint: "type"),
        KeyBinding([.character("d")], .dueRange, hint: "due"),
        KeyBinding([.character("f")], .newFollowUp, requires: .workFollowUp),
        KeyBinding([.character("L")], .logActivity, requires: .workFollowUp),
    ]

    public var type: ActivityType?
    public var range: FollowUpRange = .all
    public var list = ListState<FollowUpRow>()

    public init(session: DeskSession, record: RecordReference?) {}

    public var rowsAboveList: Int { 2 }

    public var selection: Selection { list.selectedRow.map { .activity($0.activity) } ?? .none }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .mark:
            return page(list.toggleMark(viewport: context.viewport))
        case .type:
            let types: [ActivityType?] = [nil] + ActivityType.allCases.map { $0 }
            type = types[((types.firstIndex(of: type) ?? 0) + 1) % types.count]
            return [.load(Self.id, .reset)]
        case .dueRange:
            let all = FollowUpRange.allCases
            range = all[(range.rawValue + 1) % all.count]
            return [.load(Self.id, .reset)]
        case .reschedule where !list.marked.isEmpty:
            context.modal = .form(FormFactory.reschedule(list.marked.sorted(), subject: nil))
            return []
        case .open, .complete, .reschedule, .snooze, .newFollowUp, .logActivity:
            guard let row = list.selectedRow else { return [.bell] }
            return FollowUpCommands.perform(action, on: row, &context)
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        page(list.move(move, viewport: context.viewport))
    }

    func query(_ session: DeskSession) -> FollowUpQuery {
        let window = range.bounds(now: session.now, timeZone: session.zone)
        return FollowUpQuery(ownerIDs: session.seesTeamFollowUps ? session.teamMemberIDs : [session.user.id ?? 0],
                             types: type.map { [$0] }, dueFrom: window.from, dueBefore: window.before)
    }

    public struct Loaded: Sendable {
        var request: PageRequest
        var page: Page<FollowUpRow>
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let (pageRequest, limit, _) = ListLoading.plan(request, list)
        return Loaded(request: pageRequest, page: try database.followUps(query(session), page: pageRequest, limit: limit))
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        list.apply(loaded.page, for: loaded.request, mode: ListLoading.mode(request, loaded.request), viewport: context.viewport)
    }

    public mutating func loadFailed(_ request: LoadRequest) { list.clearPending() }

    public mutating func clearMarks() { list.marked.removeAll() }

    private func page(_ request: PageRequest?) -> [Effect] {
        request.map { [.load(Self.id, .page($0))] } ?? []
    }

    static let columns: [TableView.Column] = [
        .init(title: "DUE", width: .fixed(16)),
        .init(title: "TYPE", width: .fixed(8)),
        .init(title: "SUBJECT", width: .flexible(min: 14)),
        .init(title: "WHO", width: .flexible(min: 12)),
        .init(title: "COMPANY", width: .flexible(min: 10)),
    ]
    /// Managers see their team's follow-ups, so they get the owner too.
    static let teamTable = TableView(columns: columns + [.init(title: "OWNER", width: .fixed(8))])
    static let table = TableView(columns: columns)

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        let whose = session.seesTeamFollowUps ? "Team's planned follow-ups" : "Planned follow-ups"
        let title = "\(whose) · type: \(type?.label ?? "all") (t) · due: \(range.title) (d)"
            + (list.marked.isEmpty ? "" : " · \(list.marked.count) marked (r reschedules them)")
        grid.put(title, x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        ListView.render(list, table: session.seesTeamFollowUps ? Self.teamTable : Self.table, in: body, empty: "No planned follow-ups here.",
                        theme: theme, grid: &grid) { row in
            let overdue = row.activity.dueAt < session.now
            return [
                .init(Format.time(row.activity.dueAt, zone: session.timeZone), role: overdue ? ThemeRole.warning : nil),
                .init(row.activity.type.label), .init(row.activity.subject), .init(row.recordLabel ?? ""), .init(row.company ?? ""),
            ] + (session.seesTeamFollowUps ? [.init(row.ownerHandle)] : [])
        }
    }
}

/// Follow-up commands shared by the agenda, the follow-up list and a lead's screen.
enum FollowUpCommands {
    static func perform(_ action: FollowUpsScreen.Action, on row: FollowUpRow, _ context: inout ScreenContext) -> [Effect] {
        perform(action, activity: row.activity, name: row.recordLabel, &context)
    }

    static func perform(_ action: FollowUpsScreen.Action, activity: Activity, name: String?, _ context: inout ScreenContext) -> [Effect] {
        guard let id = activity.id else { return [.bell] }
        switch action {
        case .open:
            switch activity.record {
            case .lead(let lead): context.navigation = .open(.leadDetail, .lead(lead))
            case .ticket(let ticket): context.navigation = .open(.ticketDetail, .ticket(ticket))
            default: return [.bell]
            }
            return []
        case .complete:
            guard let form = FormFactory.complete(activity, session: context.session) else {
                context.say("This follow-up is \(activity.state.rawValue); only planned ones can be completed.", error: true)
                return [.bell]
            }
            context.modal = .form(form)
            return []
        case .reschedule:
            guard activity.state == .planned else { return [.bell] }
            context.modal = .form(FormFactory.reschedule([id], subject: activity.subject))
            return []
        case .snooze:
            return [.write(.snoozeFollowUp(id))]
        case .newFollowUp:
            context.modal = .form(FormFactory.newFollowUp(on: activity.record, name: name))
            return []
        case .logActivity:
            guard let record = activity.record else { return [.bell] }
            context.modal = .form(FormFactory.logActivity(on: record, name: name ?? "this record"))
            return []
        case .mark, .type, .dueRange:
            return []
        }
    }
}
