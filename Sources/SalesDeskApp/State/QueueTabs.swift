import Foundation
import SalesDeskDomain
import SalesDeskStore

/// The saved queues of the Leads screen: each a filter over leads.
public enum LeadQueue: Int, CaseIterable, Sendable {
    case newToContact, stalled, hot, allMine, team

    public var title: String {
        switch self {
        case .newToContact: "New to contact"
        case .stalled: "Stalled"
        case .hot: "Hot"
        case .allMine: "All mine"
        case .team: "Team"
        }
    }

    /// The query of this queue for `user` at `now`; `teamIDs` are the user's team mates (for Team).
    public func query(for user: User, teamIDs: [Int64], at now: Date) -> LeadQuery {
        let mine = [user.id ?? 0]
        switch self {
        case .newToContact: return LeadQuery(ownerIDs: mine, stages: [.open])
        case .stalled: return LeadQuery(ownerIDs: mine, stalledAt: now)
        case .hot: return LeadQuery(ownerIDs: mine, minimumScore: ScoreBand.hot.minimumScore, sort: .scoreDescending)
        case .allMine: return LeadQuery(ownerIDs: mine)
        case .team: return LeadQuery(ownerIDs: teamIDs.isEmpty ? mine : teamIDs)
        }
    }
}

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
