import Foundation
import GRDB
import SalesDeskDomain

/// The leads behind a figure of a report (a bar, a row), for drilling down into them.
///
/// Every field narrows; nil fields do not. The reader's ``ReportScope`` always applies on top.
public struct ReportLeadFilter: Equatable, Sendable {
    /// Exactly these leads.
    public var leadIDs: [Int64]?
    public var ownerIDs: [Int64]?
    /// Current stage.
    public var stages: [StageKey]?
    public var source: LeadSource?
    public var lossReasonCode: String?
    public var createdIn: ReportPeriod?
    /// Entered its current (Won or Lost) stage in the period.
    public var closedIn: ReportPeriod?
    public var expectedCloseIn: ReportPeriod?
    /// The category the forecast counts the deal in (the owner's choice or the stage's default).
    public var forecastCategory: ForecastCategory?
    /// Ever entered this stage or one past it (the funnel's "reached").
    public var reached: StageKey?

    public init(leadIDs: [Int64]? = nil, ownerIDs: [Int64]? = nil, stages: [StageKey]? = nil, source: LeadSource? = nil, lossReasonCode: String? = nil,
                createdIn: ReportPeriod? = nil, closedIn: ReportPeriod? = nil, expectedCloseIn: ReportPeriod? = nil,
                forecastCategory: ForecastCategory? = nil, reached: StageKey? = nil) {
        self.leadIDs = leadIDs
        self.ownerIDs = ownerIDs
        self.stages = stages
        self.source = source
        self.lossReasonCode = lossReasonCode
        self.createdIn = createdIn
        self.closedIn = closedIn
        self.expectedCloseIn = expectedCloseIn
        self.forecastCategory = forecastCategory
        self.reached = reached
    }
}

extension AppDatabase {
    /// Ids of the leads a drill-down opens, newest first, at most `limit`, within the reader's scope.
    public func leadIDs(_ filter: ReportLeadFilter, scope: ReportScope, limit: Int = 500) throws -> [Int64] {
        var sql = ReportSQL()
        sql.owners(scope, column: "l.owner_id")
        if let ids = filter.leadIDs {
            sql.clause += ids.isEmpty ? " AND 0" : " AND l.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))"
            sql.arguments += StatementArguments(ids)
        }
        if let ids = filter.ownerIDs {
            sql.clause += ids.isEmpty ? " AND 0" : " AND l.owner_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))"
            sql.arguments += StatementArguments(ids)
        }
        if let stages = filter.stages {
            sql.clause += stages.isEmpty ? " AND 0" : " AND l.stage IN (\(stages.map { _ in "?" }.joined(separator: ", ")))"
            sql.arguments += StatementArguments(stages.map(\.rawValue))
        }
        sql.source(filter.source, column: "l.source")
        if let code = filter.lossReasonCode {
            sql.clause += " AND l.loss_reason = ?"
            sql.arguments += [code]
        }
        for (period, column) in [(filter.createdIn, "l.created_at"), (filter.expectedCloseIn, "l.expected_close_date")] {
            guard let period else { continue }
            sql.clause += " AND \(column) >= ? AND \(column) < ?"
            sql.arguments += [period.start.epochSeconds, period.end.epochSeconds]
        }
        if let period = filter.closedIn {
            sql.clause += """
                 AND l.stage IN ('won', 'lost') AND EXISTS (SELECT 1 FROM lead_stage_change c WHERE c.lead_id = l.id
                    AND c.id = (SELECT MAX(id) FROM lead_stage_change WHERE lead_id = l.id) AND c.at >= ? AND c.at < ?)
                """
            sql.arguments += [period.start.epochSeconds, period.end.epochSeconds]
        }
        if let category = filter.forecastCategory {
            let pipeline = configuration.pipeline
            let defaults = pipeline.allKeys.filter { ForecastCategory.default(for: $0, in: pipeline) == category }
            let list = defaults.map { _ in "?" }.joined(separator: ", ")
            sql.clause += " AND (l.forecast_category = ? OR (l.forecast_category IS NULL\(defaults.isEmpty ? " AND 0" : " AND l.stage IN (\(list))")))"
            sql.arguments += [category.rawValue]
            sql.arguments += StatementArguments(defaults.map(\.rawValue))
        }
        if let reached = filter.reached {
            let rank = (configuration.pipeline.openStages.map(\.key) + [.won]).firstIndex(of: reached) ?? 0
            sql.clause += " AND (SELECT MAX(\(stageRankSQL(configuration.pipeline, column: "c.to_stage"))) FROM lead_stage_change c WHERE c.lead_id = l.id) >= ?"
            sql.arguments += [rank]
        }
        return try writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT l.id FROM lead l WHERE 1\(sql.clause) ORDER BY l.id DESC LIMIT ?", arguments: sql.arguments + [limit])
        }
    }
}
