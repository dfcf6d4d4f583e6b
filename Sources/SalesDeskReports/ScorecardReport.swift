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
        lines = reps.sorted { $0.value < $1.value }.map { id, name in
            let closedHere = closed.filter { $0.ownerID == id }
            let openHere = open.filter { $0.ownerID == id && pipeline.isOpen($0.stage) }
            let inCurrency = openHere.filter { $0.value.currency == currency }
            let mine = activities.filter { $0.ownerID == id }
            return Line(
                ownerID: id, ownerName: name,
                won: closedHere.filter(\.won).count, lost: closedHere.filter { !$0.won }.count,
                wonValue: Money(minorUnits: closedHere.filter { $0.won && $0.value.currency == currency }.reduce(0) { $0 + $1.value.minorUnits }, currency: currency),
                openDeals: openHere.count,
                openValue: Money(minorUnits: inCurrency.reduce(0) { $0 + $1.value.minorUnits }, currency: currency),
                weightedValue: Money(minorUnits: inCurrency.reduce(0) { $0 + ForecastReport.weighted($1.value.minorUnits, pipeline.winProbability(of: $1.stage)) }, currency: currency),
                completedFollowUps: mine.filter { $0.state == .done }.count,
                overdueFollowUps: mine.filter { $0.state == .planned && $0.dueAt < now }.count,
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
