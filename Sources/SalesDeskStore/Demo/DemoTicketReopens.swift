import GRDB

/// Some demo tickets were reopened once before they were closed, so the support report's reopen rate is not 0 %:
/// every twentieth closed ticket whose resolution took three hours or more was first resolved halfway, moved back
/// to In Process an hour later, and resolved again when its `resolved_at` says. Chosen by id (no random draws).
/// Runs after the ticket history backfill, replacing the inferred steps of those tickets.
enum DemoTicketReopens {
    static func insert(_ db: Database) throws {
        let chosen = """
            SELECT id FROM ticket WHERE status = 'closed' AND id % 20 = 0 AND resolved_at IS NOT NULL AND closed_at IS NOT NULL
                AND resolved_at - created_at >= 10800 AND closed_at >= resolved_at
            """
        try db.execute(sql: """
            DELETE FROM ticket_status_change WHERE from_status IS NOT NULL AND ticket_id IN (\(chosen));
            INSERT INTO ticket_status_change (ticket_id, from_status, to_status, at, user_id)
            SELECT t.id, s.from_status, s.to_status,
                   CASE s.step WHEN 1 THEN (t.created_at + t.resolved_at) / 2 WHEN 2 THEN (t.created_at + t.resolved_at) / 2 + 3600
                               WHEN 3 THEN t.resolved_at ELSE t.closed_at END,
                   t.assignee_id
            FROM ticket t, (SELECT 1 AS step, 'new' AS from_status, 'resolved' AS to_status UNION ALL SELECT 2, 'resolved', 'in_process'
                            UNION ALL SELECT 3, 'in_process', 'resolved' UNION ALL SELECT 4, 'resolved', 'closed') s
            WHERE t.id IN (\(chosen))
            ORDER BY t.id, s.step;
            """)
    }
}
