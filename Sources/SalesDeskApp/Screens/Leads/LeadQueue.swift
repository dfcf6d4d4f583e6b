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
