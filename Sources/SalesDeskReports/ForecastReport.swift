import Foundation
import SalesDeskDomain

/// Report 7, forecast: the deals expected to close in the period, weighted by stage probability, by forecast
/// category, against the quota.
///
/// - **Closed**: deals won in the period (whatever their expected close date), at full value.
/// - **Open** deals count when their expected close date falls in the period; **weighted** value is
///   value × the stage's win probability (configurable per stage in the pipeline).
/// - **Forecast** = closed + weighted open. **Attainment** = closed ÷ quota; **forecast attainment** = forecast ÷ quota.
/// - Lost deals, open deals without an expected close date (counted in `undated`) and deals in other currencies
///   (counted in `otherCurrency`) are not in the figures.
public struct ForecastReport: Codable, Equatable, Sendable {
    /// The deals of one category.
    public struct CategoryLine: Codable, Equatable, Sendable {
        public var category: ForecastCategory
        public var deals: Int
        public var value: Money
        public var weighted: Money
    }

    /// The forecast of one month of the period.
    public struct MonthLine: Codable, Equatable, Sendable {
        public var label: String
        public var closed: Money
        public var weighted: Money
    }

    public var period: ReportPeriod
    public var categories: [CategoryLine]
    public var months: [MonthLine]
    public var closed: Money
    public var forecast: Money
    public var quota: Money?
    public var attainment: Double?
    public var forecastAttainment: Double?
    public var undated: Int
    public var otherCurrency: Int

    /// `undatedElsewhere`: open deals without a close date the caller counted but did not fetch.
    public init(deals: [ForecastDeal], undatedElsewhere: Int = 0, period: ReportPeriod, quota: Money?, currency: CurrencyCode, pipeline: Pipeline) {
        let months = period.months()
        var open: [OpenPipelineGroup] = []
        var won: [WonSum] = []
        for deal in deals {
            guard let category = deal.category(in: pipeline) else { continue }
            guard category == .closed else { open.append(OpenPipelineGroup(deal)); continue }
            guard let wonAt = deal.wonAt, let month = months.firstIndex(where: { $0.contains(wonAt) }) else { continue }
            won.append(WonSum(month: month, currency: deal.value.currency, deals: 1, valueMinor: deal.value.minorUnits))
        }
        self.init(open: open, wonSums: won, undatedElsewhere: undatedElsewhere, period: period, quota: quota, currency: currency, pipeline: pipeline)
    }

    /// Won deals of one month of the period in one currency.
    private struct WonSum {
        var month: Int
        var currency: CurrencyCode
        var deals: Int
        var valueMinor: Int64
    }

    /// The forecast from summed rows: `open` deals by expected close date (groups outside the period are left out, groups
    /// without a date are counted as undated), and the `won` outcome tallies of the period's months.
    public init(open: [OpenPipelineGroup], won: [ClosedTally], undatedElsewhere: Int = 0, period: ReportPeriod, quota: Money?,
                currency: CurrencyCode, pipeline: Pipeline) {
        let sums = won.filter { $0.won && $0.dimension == .outcome }
            .map { WonSum(month: $0.month, currency: $0.currency, deals: $0.deals, valueMinor: $0.valueMinor) }
        self.init(open: open, wonSums: sums, undatedElsewhere: undatedElsewhere, period: period, quota: quota, currency: currency, pipeline: pipeline)
    }

    private init(open: [OpenPipelineGroup], wonSums won: [WonSum], undatedElsewhere: Int, period: ReportPeriod, quota: Money?,
                 currency: CurrencyCode, pipeline: Pipeline) {
        self.period = period
        self.quota = quota
        let months = period.months()
        var byCategory: [ForecastCategory: (deals: Int, value: Int64, weighted: Int64)] = [:]
        var monthClosed = [Int64](repeating: 0, count: months.count)
        var monthWeighted = [Int64](repeating: 0, count: months.count)
        var undated = undatedElsewhere
        var otherCurrency = 0
        func count(_ category: ForecastCategory, deals: Int, value: Int64, weighted: Int64) {
            byCategory[category, default: (0, 0, 0)].deals += deals
            byCategory[category]!.value += value
            byCategory[category]!.weighted += weighted
        }
        for tally in won where months.indices.contains(tally.month) {
            guard tally.currency == currency else { otherCurrency += tally.deals; continue }
            count(.closed, deals: tally.deals, value: tally.valueMinor, weighted: tally.valueMinor)
            monthClosed[tally.month] += tally.valueMinor
            monthWeighted[tally.month] += tally.valueMinor
        }
        for group in open {
            guard let category = group.category(in: pipeline), category != .closed else { continue }
            guard let expected = group.expectedClose else { undated += group.deals; continue }
            guard let month = months.firstIndex(where: { $0.contains(expected) }) else { continue }
            guard group.currency == currency else { otherCurrency += group.deals; continue }
            let weighted = group.weightedMinor(percent: pipeline.winProbability(of: group.stage))
            count(category, deals: group.deals, value: group.valueMinor, weighted: weighted)
            monthWeighted[month] += weighted
        }
        self.undated = undated
        self.otherCurrency = otherCurrency
        categories = ForecastCategory.allCases.map { category in
            let line = byCategory[category] ?? (0, 0, 0)
            return CategoryLine(category: category, deals: line.deals, value: Money(minorUnits: line.value, currency: currency),
                                weighted: Money(minorUnits: line.weighted, currency: currency))
        }
        let closedMinor = byCategory[.closed]?.value ?? 0
        closed = Money(minorUnits: closedMinor, currency: currency)
        let forecastMinor = byCategory.values.reduce(0) { $0 + $1.weighted }
        forecast = Money(minorUnits: forecastMinor, currency: currency)
        self.months = months.indices.map { index in
            MonthLine(label: WinLossReport.monthLabel(months[index]), closed: Money(minorUnits: monthClosed[index], currency: currency),
                      weighted: Money(minorUnits: monthWeighted[index], currency: currency))
        }
        let target = quota.flatMap { $0.currency == currency && $0.minorUnits > 0 ? Double($0.minorUnits) : nil }
        attainment = target.map { Double(closedMinor) / $0 }
        forecastAttainment = target.map { Double(forecastMinor) / $0 }
    }

    /// One row per category, then the forecast and quota lines.
    public var table: ReportTable {
        var rows: [[ReportTable.Cell]] = categories.map { [.init($0.category.label), .count($0.deals), .money($0.value), .money($0.weighted)] }
        rows.append(["Forecast (closed + weighted open)", "", "", .money(forecast)])
        if let quota {
            rows.append(["Quota", "", "", .money(quota)])
            rows.append(["Attainment (closed ÷ quota)", "", "", .percent(attainment)])
            rows.append(["Forecast attainment", "", "", .percent(forecastAttainment)])
        }
        var notes: [String] = []
        if undated > 0 { notes.append("\(undated) open deals have no expected close date and are not forecast.") }
        if otherCurrency > 0 { notes.append("\(otherCurrency) deals in other currencies than \(closed.currency) are not in the figures.") }
        if quota == nil { notes.append("No quota is set for this period.") }
        return ReportTable(title: "Forecast \(period.label) (\(closed.currency))", columns: ["Category", "Deals", "Value", "Weighted"],
                           rows: rows, notes: notes)
    }
}
