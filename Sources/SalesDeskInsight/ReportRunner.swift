import Foundation
import SalesDeskDomain
import SalesDeskReports
import SalesDeskStore
import TerminalUI

/// Runs a report for a reader: the store's scoped queries, then the report's pure function, then its chart,
/// table and drill-downs. The CLI's `report` verb and the Reports screen both call ``run(_:for:)``.
///
/// ```swift
/// let view = try ReportRunner(database: database, now: clock.now).run(ReportParameters(report: .forecast), for: jonas)
/// print(view.chart.lines(width: 80).joined(separator: "\n"))
/// ```
public struct ReportRunner: Sendable {
    public let database: AppDatabase
    public let now: @Sendable () -> Date

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.now = now
    }

    /// The report list of the Reports screen.
    public static var catalogue: [ReportName] { ReportName.allCases }

    /// Runs `parameters.report` with the figures `reader` may see (``ReportScope``).
    public func run(_ parameters: ReportParameters, for reader: User) throws -> ReportView {
        let now = now()
        let timeZone = TimeZone(identifier: reader.timeZoneID) ?? .gmt
        let period = try parameters.period(now: now, timeZone: timeZone)
        let scope = try database.reportScope(for: reader, team: parameters.team, owner: parameters.owner)
        let request = ReportRequest(period: period, team: parameters.team, owner: parameters.owner, source: parameters.source)
        let context = Context(database: database, request: request, scope: scope, now: now, parameters: parameters)
        let (chart, table, drills): (ReportChart, ReportTable, [DrillDown?])
        switch parameters.report {
        case .funnel: (chart, table, drills) = try context.funnel()
        case .stageSpeed: (chart, table, drills) = try context.stageSpeed()
        case .winLoss: (chart, table, drills) = try context.winLoss()
        case .activity: (chart, table, drills) = try context.activity()
        case .sources: (chart, table, drills) = try context.sources()
        case .support: (chart, table, drills) = try context.support()
        case .forecast: (chart, table, drills) = try context.forecast()
        case .forecastMoves: (chart, table, drills) = try context.forecastMoves()
        case .forecastAccuracy: (chart, table, drills) = try context.forecastAccuracy()
        case .scorecard: (chart, table, drills) = try context.scorecard()
        }
        return ReportView(name: parameters.report, period: period, scope: scope.description, chart: chart, table: table, drillDowns: drills)
    }

    /// Lead ids behind a drill-down (within the reader's scope).
    public func leadIDs(for drill: DrillDown, reader: User, parameters: ReportParameters, limit: Int = 500) throws -> [Int64] {
        guard case .leads(let filter) = drill.target else { return [] }
        let scope = try database.reportScope(for: reader, team: parameters.team, owner: parameters.owner)
        return try database.leadIDs(filter, scope: scope, limit: limit)
    }
}
