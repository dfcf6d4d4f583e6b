import Foundation
import SalesDeskDomain

/// Forecast accuracy: what each weekly snapshot forecast for the period against what was won in it.
///
/// For every snapshot taken from the week before the period began to its end (Mondays, UTC):
/// - **Deals expected**: the snapshot's open deals whose expected close date fell in the period.
/// - **Forecast then** = what was already won in the period when the snapshot was taken + the expected deals' value ×
///   their stage's win probability at the snapshot (rounded per deal), in the report's currency — the forecast
///   report's "closed + weighted open" as it stood that Monday; **Commit then**: the value of the expected deals in Commit.
/// - **Won of them**: how many of those deals were won in the period, and for how much (their won value).
/// - **Won in period**: everything won in the period (as the forecast report's Closed), the same on every line.
/// - **Accuracy** = won in period ÷ forecast then (above 100 % the team beat its forecast).
///
/// Deals in other currencies are counted in `otherCurrency` and left out of the values.
public struct ForecastAccuracyReport: Codable, Equatable, Sendable {
    public struct Line: Codable, Equatable, Sendable {
        public var weekStart: Date
        public var deals: Int
        public var forecast: Money
        public var commit: Money
        public var wonDeals: Int
        public var wonValue: Money
        public var accuracy: Double?
    }

    public var lines: [Line]
    public var wonInPeriod: Money
    public var otherCurrency: Int

    /// `groups`: the snapshots' deals expected in the period; `wonBefore`: per snapshot Monday, the value (in `currency`)
    /// already won in the period then; `won`: the period's closed-deal tallies (won ones count).
    public init(groups: [SnapshotGroup], wonBefore: [Date: Int64], won: [ClosedTally], currency: CurrencyCode, pipeline: Pipeline) {
        let wonMinor = won.filter { $0.won && $0.dimension == .outcome && $0.currency == currency }.reduce(0) { $0 + $1.valueMinor }
        wonInPeriod = Money(minorUnits: wonMinor, currency: currency)
        otherCurrency = groups.filter { $0.pipeline.currency != currency }.reduce(0) { $0 + $1.pipeline.deals }
        let byWeek = Dictionary(grouping: groups.filter { $0.pipeline.currency == currency }, by: \.weekStart)
        lines = byWeek.keys.sorted().map { week in
            let groups = byWeek[week] ?? []
            let forecast = (wonBefore[week] ?? 0)
                + groups.reduce(0) { $0 + $1.pipeline.weightedMinor(percent: pipeline.winProbability(of: $1.pipeline.stage)) }
            return Line(
                weekStart: week, deals: groups.reduce(0) { $0 + $1.pipeline.deals },
                forecast: Money(minorUnits: forecast, currency: currency),
                commit: Money(minorUnits: groups.filter { $0.pipeline.categoryOverride == .commit }.reduce(0) { $0 + $1.pipeline.valueMinor }, currency: currency),
                wonDeals: groups.reduce(0) { $0 + $1.wonDeals },
                wonValue: Money(minorUnits: groups.reduce(0) { $0 + $1.wonValueMinor }, currency: currency),
                accuracy: forecast > 0 ? Double(wonMinor) / Double(forecast) : nil)
        }
    }

    /// One row per snapshot, labelled with its Monday as `day` formats it.
    public func table(day: (Date) -> String) -> ReportTable {
        var notes = lines.isEmpty ? ["No weekly snapshot was taken for this period yet (the scheduler takes one each Monday)."] : []
        if otherCurrency > 0 { notes.append("\(otherCurrency) deals in other currencies than \(wonInPeriod.currency) are not in the figures.") }
        return ReportTable(
            title: "Forecast accuracy: won \(wonInPeriod.formattedAmount) \(wonInPeriod.currency) in the period",
            columns: ["Snapshot", "Deals expected", "Forecast then", "Commit then", "Won of them", "Won value of them", "Won in period", "Accuracy"],
            rows: lines.map {
                [.init("Week of \(day($0.weekStart))"), .count($0.deals), .money($0.forecast), .money($0.commit), .count($0.wonDeals),
                 .money($0.wonValue), .money(wonInPeriod), .percent($0.accuracy)]
            }, notes: notes)
    }
}
