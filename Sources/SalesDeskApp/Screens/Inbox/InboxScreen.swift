import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let inbox = ScreenID("inbox")
}

/// The notification inbox: reminders, nudges, escalations and digests waiting to be acknowledged.
public struct InboxScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case open, acknowledge, snooze, earlier

        public var name: String {
            switch self {
            case .open: "open"
            case .acknowledge: "acknowledge"
            case .snooze: "snooze"
            case .earlier: "earlier"
            }
        }

        public var summary: String {
            switch self {
            case .open: "open its lead or ticket, or read a digest's items"
            case .acknowledge: "acknowledge (it moves to Earlier)"
            case .snooze: "snooze an hour"
            case .earlier: "show what is waiting / what was acknowledged earlier"
            }
        }
    }

    public static let id = ScreenID.inbox
    public static let title = "Inbox"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.enter], .open, hint: "open"),
        KeyBinding([.character("x")], .acknowledge, hint: "acknowledge"),
        KeyBinding([.character("z")], .snooze, hint: "snooze"),
        KeyBinding([.character("e")], .earlier, hint: "earlier"),
    ]

    /// A notification as a list row.
    public struct Row: Sendable, Identifiable {
        public var notification: SalesDeskDomain.Notification
        public var id: Int64 { notification.id ?? 0 }
    }

    public var list = ListState<Row>()
    /// Showing acknowledged items (Earlier) instead of what is waiting.
    public var showsEarlier = false
    /// The items of the digests on show, by notification id.
    var digestItems: [Int64: [AwayDigest.Item]] = [:]

    public init(session: DeskSession, record: RecordReference?) {}

    public func tabTitle(_ session: DeskSession) -> String { Self.title }

    public var rowsAboveList: Int { 2 }

    public var selection: Selection { list.selectedRow.map { .notification($0.notification) } ?? .none }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        if action == .earlier {
            showsEarlier.toggle()
            return [.load(Self.id, .reset)]
        }
        guard let item = list.selectedRow?.notification, let id = item.id else { return [.bell] }
        switch action {
        case .open:
            switch item.record {
            case .lead(let lead)?: context.navigation = .open(.leadDetail, .lead(lead))
            case .ticket(let ticket)?: context.navigation = .open(.ticketDetail, .ticket(ticket))
            default: context.modal = .message(title: item.title, text: Self.fullText(of: item, items: digestItems[id] ?? []), isError: false)
            }
            return []
        case .acknowledge, .snooze:
            guard !showsEarlier else {
                context.say("This was acknowledged already.", error: true)
                return [.bell]
            }
            return [.write(action == .acknowledge ? .acknowledgeNotification(id) : .snoozeNotification(id))]
        case .earlier:
            return []
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        _ = list.move(move, viewport: context.viewport)
        return []
    }

    /// A notification's whole text: its body, and a digest's items one per line.
    static func fullText(of item: SalesDeskDomain.Notification, items: [AwayDigest.Item]) -> String {
        let lines = items.map { "• \($0.kind.label): \($0.title)" }
        return ([item.body.isEmpty ? item.title : item.body] + lines).joined(separator: "\n")
    }

    public struct Loaded: Sendable {
        var items: [SalesDeskDomain.Notification]
        var digestItems: [Int64: [AwayDigest.Item]]
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let items = showsEarlier
            ? try database.acknowledgedNotifications(for: session.user, limit: 200).rows
            : try database.inbox(for: session.user, at: session.now)
        var digests: [Int64: [AwayDigest.Item]] = [:]
        for item in items where item.kind == .digest {
            if let id = item.id { digests[id] = try database.digestItems(of: id) }
        }
        return Loaded(items: items, digestItems: digests)
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        list.replaceAll(with: loaded.items.map(Row.init))
        digestItems = loaded.digestItems
        list.scroll(viewport: context.viewport)
    }

    static let table = TableView(columns: [
        .init(title: "WHEN", width: .fixed(16)),
        .init(title: "KIND", width: .fixed(14)),
        .init(title: "WHAT", width: .flexible(min: 20)),
    ])

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let title = showsEarlier ? "Inbox · earlier (acknowledged) · e shows what is waiting"
            : "Inbox · \(Format.count(list.rows.count, "item")) waiting · e shows earlier ones"
        grid.put(title, x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        ListView.render(list, table: Self.table, in: body, empty: showsEarlier ? "Nothing acknowledged yet." : "Nothing waiting.", theme: theme, grid: &grid) { row in
            let item = row.notification
            return [.init(Format.time(item.createdAt, zone: context.session.timeZone)), .init(item.kind.label),
                    .init(item.title + (item.body.isEmpty ? "" : " — \(item.body)"))]
        }
    }
}

extension SalesDeskDomain.Notification.Kind {
    /// The kind as the inbox names it.
    var label: String {
        switch self {
        case .reminder: "Reminder"
        case .stallNudge: "Stalled deal"
        case .escalation: "Escalation"
        case .assignment: "Assigned to you"
        case .slaWarning: "SLA at risk"
        case .slaBreach: "SLA breached"
        case .scoreJump: "Hot lead"
        case .won: "Deal won"
        case .digest: "Digest"
        case .importSummary: "Import"
        case .untriaged: "Untriaged"
        case .overdue: "Overdue"
        case .automation: "Rule"
        case .reportDigest: "Report"
        }
    }
}
