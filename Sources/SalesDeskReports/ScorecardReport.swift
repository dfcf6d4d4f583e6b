import Foundation
import SalesDeskDomain

/// Report 8, scorecard: each rep's own figures at a glance (a rep sees one line, a manager one per team member).
///
/// Won, lost and win rate from the deals closed in the period; open pipeline and its weighted value from today's
/// open deals; completed and overdue follow-ups as in the activity report; attainment = won value ÷ the rep's quota.
public struct ScorecardReport: Codable, Equatable, Sendable {
    public struct Line: Codable, Equatable, Sendable {
        public var ownerID: Int64
        public var ownerName: String
        public var won: Int
        public var lost: Int
        public var wonValue: Money
        public var openDeals: Int
        public var openValue: Money
        public var weightedValue: Money
        public var completedFollowUps: Int
        public var overdueFollowUps: Int
        public var quota: Money?
        public var winRate: Double? { Statistics.ratio(won, won + lost) }
        public var attainment: Double? {
            guard let quota, quota.minorUnits > 0 else { return nil }
            return Double(wonValue.minorUnits) / Double(quota.minorUnits)
        }
    }

    public var lines: [Line]

    /// `reps`: id → name of everyone the reader may see; `quotas`: each rep's target for the period.
    public init(reps: [Int64: String], closed: [ClosedDeal], open: [ForecastDeal], activities: [ActivityReport.Fact],
                quotas: [Int64: Money], now: Date, currency: CurrencyCode, pipeline: Pipeline) {
        var followUps: [Int64: FollowUpCounts] = [:]
        for fact in activities {
            var counts = followUps[fact.ownerID] ?? FollowUpCounts(done: 0, overdue: 0)
            if fact.state == .done { counts.done += 1 }
            if fact.state == .planned && fact.dueAt < now { counts.overdue += 1 }
            followUps[fact.ownerID] = counts
        }
        self.init(reps: reps, closed: closed.flatMap { ClosedTally.tallies(of: $0, month: 0) }, open: open.map(OpenPipelineGroup.init),
                  followUps: followUps, quotas: quotas, currency: currency, pipeline: pipeline)
    }

    /// The scorecard from summed rows: the outcome tallies of the period's closed deals, every open deal of the scope
    /// grouped (``OpenPipelineGroup``), and each rep's follow-up counts.
    public init(reps: [Int64: String], closed: [ClosedTally], open: [OpenPipelineGroup], followUps: [Int64: FollowUpCounts],
                quotas: [Int64: Money], currency: CurrencyCode, pipeline: Pipeline) {
        let outcomes = Dictionary(grouping: closed.filter { $0.dimension == .outcome }, by: \.ownerID)
        let openByOwner = Dictionary(grouping: open.filter { pipeline.isOpen($0.stage) }, by: \.ownerID)
        lines = reps.sorted { $0.value < $1.value }.map { id, name in
            let closedHere = outcomes[id] ?? []
            let openHere = openByOwner[id] ?? []
            let inCurrency = openHere.filter { $0.currency == currency }
            return Line(
                ownerID: id, ownerName: name,
                won: closedHere.filter(\.won).reduce(0) { $0 + $1.deals }, lost: closedHere.filter { !$0.won }.reduce(0) { $0 + $1.deals },
                wonValue: Money(minorUnits: closedHere.filter { $0.won && $0.currency == currency }.reduce(0) { $0 + $1.valueMinor }, currency: currency),
                openDeals: openHere.reduce(0) { $0 + $1.deals },
                openValue: Money(minorUnits: inCurrency.reduce(0) { $0 + $1.valueMinor }, currency: currency),
                weightedValue: Money(minorUnits: inCurrency.reduce(0) { $0 + $1.weightedMinor(percent: pipeline.winProbability(of: $1.stage)) }, currency: currency),
                completedFollowUps: followUps[id]?.done ?? 0,
                overdueFollowUps: followUps[id]?.overdue ?? 0,
                quota: quotas[id])
        }
    }

    public var table: ReportTable {
        ReportTable(title: "Scorecard", columns: ["Rep", "Won", "Lost", "Win rate", "Won value", "Open deals", "Open value", "Weighted", "Follow-ups done", "Overdue", "Quota", "Attainment"],
                    rows: lines.map {
                        [.init($0.ownerName), .count($0.won), .count($0.lost), .percent($0.winRate), .money($0.wonValue), .count($0.openDeals),
                         .money($0.openValue), .money($0.weightedValue), .count($0.completedFollowUps), .count($0.overdueFollowUps),
                         $0.quota.map { .money($0) } ?? "—", .percent($0.attainment)]
                    })
    }
}
