import SalesDeskDomain

/// The desk's screens: adding one is a folder under `Screens/` and one line here.
///
/// Tabs come first, in key order (`1`…); screens reached from a record (`Enter` on a row) follow.
public enum ScreenRegistry {
    /// One registered screen.
    public struct Entry: Sendable {
        public let id: ScreenID
        public let title: String
        /// Whether the screen is a tab (a number key reaches it).
        public let isTab: Bool
        let make: @Sendable (DeskSession, RecordReference?) -> any DeskScreen

        /// The `:` name of the command that shows the screen (`leads`, `follow-ups`).
        public var commandName: String { id.name }

        static func tab<S: DeskScreen>(_ type: S.Type) -> Entry {
            Entry(id: S.id, title: S.title, isTab: true) { S(session: $0, record: $1) }
        }

        static func record<S: DeskScreen>(_ type: S.Type) -> Entry {
            Entry(id: S.id, title: S.title, isTab: false) { S(session: $0, record: $1) }
        }
    }

    public static let all: [Entry] = [
        .tab(AgendaScreen.self),
        .tab(LeadsScreen.self),
        .tab(TicketsScreen.self),
        .tab(FollowUpsScreen.self),
        .tab(BoardScreen.self),
        .tab(InboxScreen.self),
        .tab(ReportsScreen.self),
        .tab(WorkflowsScreen.self),
        .record(LeadDetailScreen.self),
        .record(TicketDetailScreen.self),
    ]

    /// The tab bar's screens, in key order.
    public static var tabs: [Entry] { all.filter(\.isTab) }

    public static func entry(_ id: ScreenID) -> Entry? { all.first { $0.id == id } }
}
