import GRDB

/// Migration "v13b: stage speed indexes": lets each of the stage-speed report's reads be one index range that holds
/// every column it needs, so none reads the rows behind the index or sorts in a temporary tree.
///
/// - `report_stay_sum_histogram` on `report_stay_sum(level, bucket, stage, span, …)`: a period's histogram per stage
///   is read in index order, bucket by bucket, so `GROUP BY bucket, stage, span` streams
///   (``AppDatabase/stageStaySummaries(_:scope:reading:)``); through the primary key it was sorted.
/// - `report_closed_deal_closed` on `report_closed_deal(closed_at, won, owner_id, created_at, source, currency,
///   value_minor)`: the closed-deal totals of pipeline velocity (``AppDatabase/closedDealTotals(from:to:_:scope:currency:)``)
///   read the index alone. It starts with the columns of `report_closed_deal_at`, which it replaces.
/// - `report_lead_open_owner_entered` on `lead(owner_id, stage, stage_entered_at, source)` for open leads: a team's or
///   an owner's leads that became qualified since a moment are counted per owner and stage
///   (``AppDatabase/openQualifiedDeals(at:qualifiedFrom:_:scope:reading:)``), not found among everyone's.
/// - `report_stage_stay_stage_ended` on `report_stage_stay(stage, ended_at, seconds, owner_id, source)`: the qualified
///   stays under way at a moment (same count) are read per stage from the stays ended since then, not from every
///   stay of those stages nor from every stage's stays ended since then. It replaces `report_stage_stay_ended`
///   (the same columns, `ended_at` first).
enum StageSpeedIndexSchema {
    static let migrationName = "v13b: stage speed indexes (stay histogram in order, closed deals, stays under way and open leads by owner covered)"

    /// Each index built in turn (7.6 s on the 1m set, the stay histogram the longest), with progress
    /// ("Stage speed indexes 50 %").
    static let steps = [
        "CREATE INDEX report_stay_sum_histogram ON report_stay_sum(level, bucket, stage, span, owner_id, source, stays, seconds)",
        """
        CREATE INDEX report_closed_deal_closed ON report_closed_deal(closed_at, won, owner_id, created_at, source, currency, value_minor);
        DROP INDEX IF EXISTS report_closed_deal_at
        """,
        """
        CREATE INDEX report_stage_stay_stage_ended ON report_stage_stay(stage, ended_at, seconds, owner_id, source);
        DROP INDEX IF EXISTS report_stage_stay_ended
        """,
        "CREATE INDEX report_lead_open_owner_entered ON lead(owner_id, stage, stage_entered_at, source) WHERE stage NOT IN ('won', 'lost')",
    ]

    static func create(_ db: Database) throws {
        MigrationProgress.report("Stage speed indexes", 0)
        for (index, sql) in steps.enumerated() {
            try db.execute(sql: sql)
            MigrationProgress.report("Stage speed indexes", Double(index + 1) / Double(steps.count))
        }
    }
}
