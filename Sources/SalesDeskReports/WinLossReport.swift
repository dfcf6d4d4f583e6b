import Foundation
import SalesDeskDomain

/// Report 3, win/loss: win rate = won ÷ (won + lost) of the deals closed in the period; loss reasons by count and
/// value; the rate by rep, source and the stage deals were lost from; a monthly trend.
///
/// Values are in the report's currency; deals in other currencies count in every count but not in value figures.
public struct WinLossReport: Codable, Equatable, Sendable {
    /// Won and lost counts of one group.
    public struct Tally: Codable, Equatable, Sendable {
        public var label: String
        public var won = 0
        public var lost = 0
        public var winRate: Double? { Statistics.ratio(won, won + lost) }
        public init(label: String) { self.label = label }
    }

    /// One loss reason.
    public struct Reason: Codable, Equatable, Sendable {
        public var label: String
        public var count: Int
        public var value: Money
    }

    public var total: Tally
    public var reasons: [Reason]
    public var byRep: [Tally]
    public var bySource: [Tally]
    /// Lost deals by the stage they were lost from (won stays 0).
    public var lostFrom: [Tally]
    /// One tally per local month of the period.
    public var monthly: [Tally]
    public var wonValue: Money
    public var currency: CurrencyCode

    public init(deals: [ClosedDeal], period: ReportPeriod, currency: CurrencyCode, pipeline: Pipeline) {
        self.currency = currency
        func tally(_ label: String, _ deals: [ClosedDeal]) -> Tally {
            var tally = Tally(label: label)
            tally.won = deals.filter(\.won).count
            tally.lost = deals.count - tally.won
            return tally
        }
        total = tally("All", deals)
        let lost = deals.filter { !$0.won }
        reasons = Dictionary(grouping: lost) { $0.lossReason?.label ?? "Not recorded" }
            .map { label, deals in
                Reason(label: label, count: deals.count,
                       value: Money(minorUnits: deals.filter { $0.value.currency == currency }.reduce(0) { $0 + $1.value.minorUnits }, currency: currency))
            }
            .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        byRep = Dictionary(grouping: deals, by: \.ownerName).map { tally($0, $1) }.sorted { $0.label < $1.label }
        bySource = Dictionary(grouping: deals, by: \.source).map { tally($0.label, $1) }.sorted { $0.label < $1.label }
        let lostByStage = Dictionary(grouping: lost) { $0.lostFrom }
        lostFrom = (pipeline.openStages.map(\.key) as [StageKey?] + [nil]).compactMap { stage in
            guard let deals = lostByStage[stage] else { return nil }
            return tally(stage.map(pipeline.name(of:)) ?? "Unknown stage", deals)
        }
        monthly = period.months().map { month in
            tally(Self.monthLabel(month), deals.filter { month.contains($0.closedAt) })
        }
        wonValue = Money(minorUnits: deals.filter { $0.won && $0.value.currency == currency }.reduce(0) { $0 + $1.value.minorUnits },
                         currency: currency)
    }

    static func monthLabel(_ month: ReportPeriod) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = month.timeZone
        formatter.dateFormat = "MMM yyyy"
        return formatter.string(from: month.start)
    }

    /// Loss reasons, then the rate by rep and by source.
    public var table: ReportTable {
        var rows: [[ReportTable.Cell]] = reasons.map { [.init("Lost: \($0.label)"), .count($0.count), "", .money($0.value)] }
        rows += byRep.map { [.init("Rep: \($0.label)"), .count($0.won + $0.lost), .percent($0.winRate), ""] }
        rows += bySource.map { [.init("Source: \($0.label)"), .count($0.won + $0.lost), .percent($0.winRate), ""] }
        rows += lostFrom.map { [.init("Lost from: \($0.label)"), .count($0.lost), "", ""] }
        rows += monthly.map { [.init("Month: \($0.label)"), .count($0.won + $0.lost), .percent($0.winRate), ""] }
        return ReportTable(
            title: "Win/loss: \(total.won) won, \(total.lost) lost, win rate \(ReportTable.Cell.percent(total.winRate).text)",
            columns: ["Group", "Deals", "Win rate", "Value (\(currency))"], rows: rows)
    }
}
