/// Where a ticket is in the support flow.
public enum TicketStatus: String, Codable, CaseIterable, Sendable {
    case new
    case assigned
    case inProcess = "in_process"
    case pendingAtCustomer = "pending_at_customer"
    case resolved
    case deployed
    case closed

    /// The label users see (`Pending at Customer`).
    public var label: String {
        switch self {
        case .new: "New"
        case .assigned: "Assigned"
        case .inProcess: "In Process"
        case .pendingAtCustomer: "Pending at Customer"
        case .resolved: "Resolved"
        case .deployed: "Deployed"
        case .closed: "Closed"
        }
    }

    /// Whether work is still expected on the ticket.
    public var isOpen: Bool { self != .closed }

    /// Resolved, Deployed or Closed: the fix is done, the first-response clock has stopped, and moving back to
    /// In Process reopens the ticket.
    public var isSettled: Bool { Self.settled.contains(self) }

    /// The settled statuses (see ``isSettled``).
    public static let settled: [TicketStatus] = [.resolved, .deployed, .closed]

    /// Finds a status by code or label (`in process`, `In Process`, `in_process`).
    public static func parse(_ text: String) -> TicketStatus? {
        let wanted = StageKey.normalised(text).rawValue
        return allCases.first { $0.rawValue == wanted || StageKey.normalised($0.label).rawValue == wanted }
    }
}
