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
        self.init(tallies: ClosedTally.tallies(of: deals, in: period), period: period, currency: currency, pipeline: pipeline)
    }

    /// The report from closed deals summed per month, owner, source and outcome (``ClosedTally``), as the store's
    /// summaries give them.
    public init(tallies: [ClosedTally], period: ReportPeriod, currency: CurrencyCode, pipeline: Pipeline) {
        self.currency = currency
        func tally(_ label: String, _ tallies: [ClosedTally]) -> Tally {
            var tally = Tally(label: label)
            tally.won = tallies.filter(\.won).reduce(0) { $0 + $1.deals }
            tally.lost = tallies.filter { !$0.won }.reduce(0) { $0 + $1.deals }
            return tally
        }
        func value(_ tallies: [ClosedTally]) -> Money {
            Money(minorUnits: tallies.filter { $0.currency == currency }.reduce(0) { $0 + $1.valueMinor }, currency: currency)
        }
        let outcomes = tallies.filter { $0.dimension == .outcome }
        total = tally("All", outcomes)
        var byReason: [String: [ClosedTally]] = [:]
        var byLostFrom: [StageKey?: [ClosedTally]] = [:]
        for tally in tallies {
            switch tally.dimension {
            case .outcome: break
            case .lossReason(let code):
                let label = code.flatMap { code in LossReason.choices.first { $0.code == code }?.label } ?? "Not recorded"
                byReason[label, default: []].append(tally)
            case .lostFrom(let stage): byLostFrom[stage, default: []].append(tally)
            }
        }
        reasons = byReason.map { label, tallies in Reason(label: label, count: tallies.reduce(0) { $0 + $1.deals }, value: value(tallies)) }
            .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        byRep = Dictionary(grouping: outcomes, by: \.ownerName).map { tally($0, $1) }.sorted { $0.label < $1.label }
        bySource = Dictionary(grouping: outcomes, by: \.source).map { tally($0.label, $1) }.sorted { $0.label < $1.label }
        lostFrom = (pipeline.openStages.map(\.key) as [StageKey?] + [nil]).compactMap { stage in
            guard let tallies = byLostFrom[stage] else { return nil }
            return tally(stage.map(pipeline.name(of:)) ?? "Unknown stage", tallies)
        }
        monthly = period.months().enumerated().map { index, month in
            tally(Self.monthLabel(month), outcomes.filter { $0.month == index })
        }
        wonValue = value(outcomes.filter(\.won))
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
