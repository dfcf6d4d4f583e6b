import Foundation
import SalesDeskDomain
import SalesDeskReports
import SalesDeskStore
import TerminalUI

/// Everything a front end shows of one report run: title, chart, table, and what Enter on a row opens.
public struct ReportView: Sendable {
    public var name: ReportName
    public var period: ReportPeriod
    /// Whose figures these are (`Your team`, `Sales`, `Ana Silva`, `Everyone`).
    public var scope: String
    public var chart: ReportChart
    public var table: ReportTable
    /// Per table row (same index), the records behind it; nil where a row has none to open.
    public var drillDowns: [DrillDown?]

    public init(name: ReportName, period: ReportPeriod, scope: String, chart: ReportChart, table: ReportTable, drillDowns: [DrillDown?]) {
        self.name = name
        self.period = period
        self.scope = scope
        self.chart = chart
        self.table = table
        self.drillDowns = drillDowns
    }

    /// `Forecast against quota · 2026-10-01 – 2026-12-31 · Your team`.
    public var heading: String { "\(name.title) · \(period.label) · \(scope)" }
}

/// The chart a report draws above its table.
public enum ReportChart: Sendable {
    case bars([BarChart.Bar])
    case stacked(series: [String], bars: [StackedBarChart.Bar])
    case line(values: [Double], first: String, last: String)
    case heatmap(rows: [String], values: [[Double]], columns: [String])
    case none

    /// The chart as text lines in `width` columns (`height` for line charts), Unicode or ASCII.
    public func lines(width: Int, height: Int = 8, glyphs: ChartGlyphs = .unicode) -> [String] {
        switch self {
        case .bars(let bars): BarChart(bars, glyphs: glyphs).lines(width: width)
        case .stacked(let series, let bars): StackedBarChart(series: series, bars: bars, glyphs: glyphs).lines(width: width)
        case .line(let values, let first, let last): LineChart(values, xLabels: (first, last), glyphs: glyphs).lines(width: width, height: height)
        case .heatmap(let rows, let values, let columns):
            Heatmap(rowLabels: rows, values: values, columnLabels: columns, glyphs: glyphs).lines(width: width)
        case .none: []
        }
    }
}

/// The records behind a bar or a row, as a filter the screen opens as a queue.
public struct DrillDown: Equatable, Sendable {
    /// What the queue's title says (`Lost: Price too high`).
    public var title: String
    public var target: Target

    /// Which records, filtered how.
    public enum Target: Equatable, Sendable {
        case leads(ReportLeadFilter)
        /// Follow-ups of these owners due in the period.
        case followUps(ownerIDs: [Int64]?, dueIn: ReportPeriod)
        case tickets(numbers: [String])
    }

    public init(_ title: String, _ target: Target) {
        self.title = title
        self.target = target
    }
}
