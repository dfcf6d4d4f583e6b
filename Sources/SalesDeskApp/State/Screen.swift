import SalesDeskDomain

/// The desk's screens. The first five are reached with keys 1–5 and Tab.
public enum Screen: Hashable, Sendable {
    case agenda, leads, tickets, followUps, board, notifications
    case leadDetail(Int64)
    case ticketDetail(Int64)

    /// The screens of the tab bar, in key order.
    public static let main: [Screen] = [.agenda, .leads, .tickets, .followUps, .board, .notifications]

    public var title: String {
        switch self {
        case .agenda: "My Agenda"
        case .leads: "Leads"
        case .tickets: "Tickets"
        case .followUps: "Follow-ups"
        case .board: "Board"
        case .notifications: "Inbox"
        case .leadDetail: "Lead"
        case .ticketDetail: "Ticket"
        }
    }
}
