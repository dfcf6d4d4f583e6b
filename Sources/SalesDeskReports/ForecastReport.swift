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
        self.period = period
        self.quota = quota
        var byCategory: [ForecastCategory: (deals: Int, value: Int64, weighted: Int64)] = [:]
        var undated = undatedElsewhere
        var otherCurrency = 0
        var counted: [(deal: ForecastDeal, weighted: Int64, closedAt: Date)] = []
        for deal in deals {
            guard let category = deal.category(in: pipeline) else { continue }
            let when: Date
            if category == .closed {
                guard let wonAt = deal.wonAt, period.contains(wonAt) else { continue }
                when = wonAt
            } else {
                guard let expected = deal.expectedClose else { undated += 1; continue }
                guard period.contains(expected) else { continue }
                when = expected
            }
            guard deal.value.currency == currency else { otherCurrency += 1; continue }
            let weighted = category == .closed ? deal.value.minorUnits : Self.weighted(deal.value.minorUnits, pipeline.winProbability(of: deal.stage))
            byCategory[category, default: (0, 0, 0)].deals += 1
            byCategory[category]!.value += deal.value.minorUnits
            byCategory[category]!.weighted += weighted
            counted.append((deal, weighted, when))
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
        months = period.months().map { month in
            let inMonth = counted.filter { month.contains($0.closedAt) }
            return MonthLine(label: WinLossReport.monthLabel(month),
                             closed: Money(minorUnits: inMonth.filter { $0.deal.stage == .won }.reduce(0) { $0 + $1.weighted }, currency: currency),
                             weighted: Money(minorUnits: inMonth.reduce(0) { $0 + $1.weighted }, currency: currency))
        }
        let target = quota.flatMap { $0.currency == currency && $0.minorUnits > 0 ? Double($0.minorUnits) : nil }
        attainment = target.map { Double(closedMinor) / $0 }
        forecastAttainment = target.map { Double(forecastMinor) / $0 }
    }

    /// `value × percent ÷ 100`, rounded half away from zero to a whole minor unit.
    static func weighted(_ minorUnits: Int64, _ percent: Int) -> Int64 {
        let product = minorUnits * Int64(percent)
        return (product + (product >= 0 ? 50 : -50)) / 100
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
