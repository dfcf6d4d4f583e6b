import Foundation
import GRDB
import SalesDeskDomain

/// One column of the pipeline board: a stage's totals and its first cards.
public struct BoardColumn: Sendable {
    public var stage: StageKey
    public var name: String
    public var count: Int
    /// Total value per currency, largest first.
    public var totals: [Money]
    /// Totals weighted by the stage's win probability.
    public var weightedTotals: [Money]
    /// The stage's cards, longest untouched first.
    public var cards: [LeadRow]
    /// Continues the column after its last card.
    public var next: PageCursor?
}

extension AppDatabase {
    /// The pipeline board: one column per stage with count, totals and the first `cardsPerStage` cards.
    ///
    /// Totals come from the trigger-maintained `pipeline_total` table, so the board costs the same
    /// at a thousand leads and at a million. With `cardsOf`, only those stages' cards are read (a card
    /// move changes two columns); the other columns come back with their totals and no cards.
    ///
    /// With `closedDuring` (see ``ClosedPeriod``), the Won and Lost columns count, total and list only the
    /// deals closed in that interval, newest first, from the `lead_closed_period` index range; without it
    /// they are all time.
    public func pipelineBoard(
        ownerIDs: [Int64]? = nil, cardsPerStage: Int = 20, cardsOf stages: Set<StageKey>? = nil, closedDuring period: DateInterval? = nil
    ) throws -> [BoardColumn] {
        let pipeline = configuration.pipeline
        return try writer.read { db in
            var ownerSQL = ""
            var arguments = StatementArguments()
            if let ownerIDs {
                ownerSQL = ownerIDs.isEmpty ? "AND 0" : "AND owner_id IN (\(Self.placeholders(ownerIDs.count)))"
                arguments += StatementArguments(ownerIDs)
            }
            var totals = try Row.fetchAll(db, sql: """
                SELECT stage, currency, SUM(lead_count) AS lead_count, SUM(value_minor) AS value_minor
                FROM pipeline_total WHERE lead_count > 0 \(ownerSQL) \(period == nil ? "" : "AND stage NOT IN ('won', 'lost')")
                GROUP BY stage, currency
                """, arguments: arguments)
            if let period {
                // A rep's or a team's closed deals from their own range of `lead_owner_closed_period` (the planner
                // would walk the whole company's period for a team).
                totals += try Row.fetchAll(db, sql: """
                    SELECT stage, currency, COUNT(*) AS lead_count, SUM(value_minor) AS value_minor
                    FROM lead \(try ownerIDs?.isEmpty == false && Self.hasOwnerClosedIndex(db) ? "INDEXED BY lead_owner_closed_period" : "")
                    WHERE stage IN ('won', 'lost') AND stage_entered_at >= ? AND stage_entered_at < ? \(ownerSQL)
                    GROUP BY stage, currency
                    """, arguments: [period.start.epochSeconds, period.end.epochSeconds] + arguments)
            }
            return try pipeline.allKeys.map { stage in
                let stageTotals = totals.filter { $0["stage"] == stage.rawValue }
                let money = stageTotals
                    .map { Money(minorUnits: $0["value_minor"], currency: CurrencyCode(rawValue: $0["currency"]) ?? .usd) }
                    .sorted { $0.minorUnits > $1.minorUnits }
                let probability = Int64(pipeline.winProbability(of: stage))
                let page = stages?.contains(stage) == false
                    ? nil : try Self.fetchLeads(db, Self.columnQuery(stage, ownerIDs: ownerIDs, closedDuring: period, pipeline: pipeline),
                                                pipeline: pipeline, after: nil, limit: cardsPerStage)
                return BoardColumn(
                    stage: stage, name: pipeline.name(of: stage),
                    count: stageTotals.reduce(0) { $0 + ($1["lead_count"] as Int) },
                    totals: money,
                    weightedTotals: money.map { Money(minorUnits: $0.minorUnits * probability / 100, currency: $0.currency) },
                    cards: page?.rows ?? [], next: page?.next)
            }
        }
    }

    /// Whether the file has `lead_owner_closed_period` (a read-only file from before the v11d migration has not).
    private static func hasOwnerClosedIndex(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'lead_owner_closed_period'") ?? false
    }

    /// More cards of one board column, after `cursor` (pass the board's `closedDuring` too).
    public func boardCards(
        stage: StageKey, ownerIDs: [Int64]? = nil, closedDuring period: DateInterval? = nil, after cursor: PageCursor?, limit: Int = 20
    ) throws -> Page<LeadRow> {
        try leads(Self.columnQuery(stage, ownerIDs: ownerIDs, closedDuring: period, pipeline: configuration.pipeline), after: cursor, limit: limit)
    }

    /// A column's cards: an open stage's by days in stage; a closed one's in the period, newest close first.
    private static func columnQuery(_ stage: StageKey, ownerIDs: [Int64]?, closedDuring period: DateInterval?, pipeline: Pipeline) -> LeadQuery {
        LeadQuery(ownerIDs: ownerIDs, stages: [stage], closedDuring: pipeline.isOpen(stage) ? nil : period)
    }

    /// A page of one board column's cards, in either direction (see ``PageRequest``; pass the board's `closedDuring` too).
    public func boardCards(
        stage: StageKey, ownerIDs: [Int64]? = nil, closedDuring period: DateInterval? = nil, page request: PageRequest, limit: Int = 20
    ) throws -> Page<LeadRow> {
        try leads(Self.columnQuery(stage, ownerIDs: ownerIDs, closedDuring: period, pipeline: configuration.pipeline), page: request, limit: limit)
    }
}
