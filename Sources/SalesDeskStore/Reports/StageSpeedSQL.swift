/// The SQL of the stage-speed report's summary reads, one home for each so their query plans can be checked
/// (each is one index range holding every column it needs; see ``StageSpeedIndexSchema``). `filter` is the
/// ``ReportSQL`` clause of the scope and source, on the columns each statement names. The closed-deal reads join
/// `user` (owners no longer on file are left out) with `CROSS JOIN`, which keeps the deals' index range the outer
/// loop: for a few owners SQLite would otherwise read that range once per owner.
enum StageSpeedSQL {
    /// Stays and seconds per bucket, stage and span of `report_stay_sum` in one level's buckets `[?, ?)`; grouped per
    /// bucket too, so the group follows the order of the index `report_stay_sum_histogram` instead of being sorted.
    /// Filter on `owner_id`, `source`.
    static func staySums(filter: String) -> String {
        """
        SELECT stage, span, SUM(stays), SUM(seconds) FROM report_stay_sum
        WHERE level = ? AND bucket >= ? AND bucket < ?\(filter) GROUP BY bucket, stage, span
        """
    }

    /// Closed deals, won ones, won ones in the currency `?` (given twice) and their value, closed in `[?, ?)`.
    /// Filter on `f.owner_id`, `f.source`.
    static func closedTotals(filter: String) -> String {
        """
        SELECT COUNT(*), COALESCE(SUM(f.won), 0), COALESCE(SUM(f.won AND f.currency = ?), 0),
               COALESCE(SUM(CASE WHEN f.won AND f.currency = ? THEN f.value_minor END), 0)
        FROM report_closed_deal f CROSS JOIN user u ON u.id = f.owner_id WHERE f.closed_at >= ? AND f.closed_at < ?\(filter)
        """
    }

    /// The cycle (seconds from creation to closing) of each deal won in `[?, ?)`. Filter on `f.owner_id`, `f.source`.
    static func wonCycles(filter: String) -> String {
        """
        SELECT f.closed_at - f.created_at FROM report_closed_deal f CROSS JOIN user u ON u.id = f.owner_id
        WHERE f.won AND f.closed_at >= ? AND f.closed_at < ?\(filter)
        """
    }

    /// Stays in one of `stages` (a quoted SQL list) under way at a moment `?` (given twice): ended after it, begun at or
    /// before it; read per stage from the stays ended since that moment (`report_stage_stay_stage_ended`). Filter on
    /// `owner_id`, `source`.
    static func underWay(stages: String, filter: String) -> String {
        """
        SELECT COUNT(*) FROM report_stage_stay WHERE ended_at > ? AND stage IN (\(stages)) AND ended_at - seconds <= ?\(filter)
        """
    }

    /// Open leads in one of `stages` (a quoted SQL list) that entered their stage after `?`. Filter on `l.owner_id`,
    /// `l.source`: with owners, read per owner and stage from `report_lead_open_owner_entered`.
    static func enteredSince(stages: String, filter: String) -> String {
        """
        SELECT COUNT(*) FROM lead l WHERE l.stage NOT IN ('won', 'lost') AND l.stage IN (\(stages)) AND l.stage_entered_at > ?\(filter)
        """
    }
}
