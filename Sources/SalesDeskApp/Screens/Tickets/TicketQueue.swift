import Foundation
import SalesDeskDomain
import SalesDeskStore

/// The saved queues of the Tickets screen.
public enum TicketQueue: Int, CaseIterable, Sendable {
    case untriaged, mineOpen, waitingOnCustomer, slaAtRisk, all

    public var title: String {
        switch self {
        case .untriaged: "Untriaged"
        case .mineOpen: "Mine open"
        case .waitingOnCustomer: "Waiting on customer"
        case .slaAtRisk: "SLA at risk"
        case .all: "All"
        }
    }

    public func query(for user: User) -> TicketQuery {
        let open = TicketStatus.allCases.filter { $0 != .closed }
        switch self {
        case .untriaged: return TicketQuery(statuses: [.new])
        case .mineOpen: return TicketQuery(statuses: open, assigneeIDs: [user.id ?? 0])
        case .waitingOnCustomer: return TicketQuery(statuses: [.pendingAtCustomer])
        case .slaAtRisk: return TicketQuery(statuses: [.new, .assigned, .inProcess], awaitingFirstResponse: true)
        case .all: return TicketQuery(newestFirst: true)
        }
    }
}
