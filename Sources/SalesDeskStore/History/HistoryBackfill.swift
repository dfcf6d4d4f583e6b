import Foundation
import GRDB
import SalesDeskDomain

/// Rebuilds lead stage history and ticket status history from what a file already holds, in chunks of
/// record ids so a million leads report progress (``MigrationProgress``) and never hold one huge statement.
///
/// For each lead, in order:
/// 1. **Creation**: `NULL → first stage` at `created_at`, by the user of its `create` audit entry. The first stage
///    is the `before` of its first audited move; with no audited move it is Open when the lead entered its
///    stage after it was created (the desk creates leads in Open), else its current stage (imports create leads
///    in the stage the file gives).
/// 2. **Each audited move** (`move_stage` entries on the `stage` field), with its time and user.
/// 3. **An inferred last step** when the lead's stage still differs from the last one known (a move the audit
///    log never saw, e.g. generated data): `last → current` at `stage_entered_at`, user unknown.
///
/// Tickets follow the same three steps with `status` entries (`move_status` and `assign`), created in New,
/// the inferred step at `closed_at`, `resolved_at` or `updated_at` by status.
///
/// Stage and status names in the audit log are turned back into keys by ``StageKey/normalised(_:)`` and
/// ``TicketStatus/parse(_:)``.
enum HistoryBackfill {
    /// Record ids per chunk.
    static let chunkSize: Int64 = 100_000

    /// Backfills both histories (only the tickets' when `leads` is false); `progress` gets a step name and its
    /// fraction done.
    static func run(_ db: Database, leads: Bool = true, progress: (String, Double) -> Void = MigrationProgress.report) throws {
        let stageKey = DatabaseFunction("salesdesk_stage_key", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map { StageKey.normalised($0).rawValue }
        }
        let statusKey = DatabaseFunction("salesdesk_status_key", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap { TicketStatus.parse($0)?.rawValue }
        }
        db.add(function: stageKey)
        db.add(function: statusKey)
        defer {
            db.remove(function: stageKey)
            db.remove(function: statusKey)
        }
        if leads { try inChunks(db, table: "lead", step: "Lead stage history", sql: leadChunk, progress: progress) }
        try inChunks(db, table: "ticket", step: "Ticket status history", sql: ticketChunk, progress: progress)
    }

    private static func inChunks(_ db: Database, table: String, step: String, sql: String, progress: (String, Double) -> Void) throws {
        guard let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") else { return }
        var low: Int64 = 1
        while low <= maxID {
            let high = low + chunkSize - 1
            let history = table == "lead" ? "lead_stage_change" : "ticket_status_change"
            try db.execute(sql: sql, arguments: [low, high, low, high, lastID(db, history)])
            progress(step, Double(min(high, maxID)) / Double(maxID))
            low = high + 1
        }
    }

    private static func lastID(_ db: Database, _ table: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
    }

    // Arguments: low, high (creation), low, high (audited moves), history id before this chunk (inferred step).
    private static let leadChunk = """
        INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id)
        SELECT l.id, NULL,
            COALESCE(
                (SELECT salesdesk_stage_key(a.before) FROM audit_entry a
                 WHERE a.record_kind = 'lead' AND a.record_id = l.id AND a.action = 'move_stage' AND a.field = 'stage'
                 ORDER BY a.id LIMIT 1),
                CASE WHEN l.stage_entered_at > l.created_at THEN 'open' ELSE l.stage END),
            l.created_at,
            (SELECT a.user_id FROM audit_entry a
             WHERE a.record_kind = 'lead' AND a.record_id = l.id AND a.action = 'create' ORDER BY a.id LIMIT 1)
        FROM lead l WHERE l.id BETWEEN ? AND ?;
        INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id)
        SELECT a.record_id, salesdesk_stage_key(a.before), salesdesk_stage_key(a.after), a.at, a.user_id
        FROM audit_entry a
        WHERE a.record_kind = 'lead' AND a.record_id BETWEEN ? AND ? AND a.action = 'move_stage' AND a.field = 'stage'
        ORDER BY a.record_id, a.id;
        """ + inferredLeadStep

    private static let inferredLeadStep = """
        INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id)
        SELECT l.id, c.to_stage, l.stage, MAX(l.stage_entered_at, c.at), NULL
        FROM (SELECT lead_id, to_stage, at, MAX(id) FROM lead_stage_change WHERE id > ? GROUP BY lead_id) c
        JOIN lead l ON l.id = c.lead_id
        WHERE c.to_stage <> l.stage;
        """

    private static let ticketChunk = """
        INSERT INTO ticket_status_change (ticket_id, from_status, to_status, at, user_id)
        SELECT t.id, NULL,
            COALESCE(
                (SELECT salesdesk_status_key(a.before) FROM audit_entry a
                 WHERE a.record_kind = 'ticket' AND a.record_id = t.id AND a.field = 'status' ORDER BY a.id LIMIT 1),
                'new'),
            t.created_at,
            (SELECT a.user_id FROM audit_entry a
             WHERE a.record_kind = 'ticket' AND a.record_id = t.id AND a.action = 'create' ORDER BY a.id LIMIT 1)
        FROM ticket t WHERE t.id BETWEEN ? AND ?;
        INSERT INTO ticket_status_change (ticket_id, from_status, to_status, at, user_id)
        SELECT a.record_id, salesdesk_status_key(a.before), salesdesk_status_key(a.after), a.at, a.user_id
        FROM audit_entry a
        WHERE a.record_kind = 'ticket' AND a.record_id BETWEEN ? AND ? AND a.field = 'status'
            AND salesdesk_status_key(a.after) IS NOT NULL
        ORDER BY a.record_id, a.id;
        INSERT INTO ticket_status_change (ticket_id, from_status, to_status, at, user_id)
        SELECT t.id, c.to_status, t.status,
            MAX(c.at, CASE t.status WHEN 'closed' THEN COALESCE(t.closed_at, t.updated_at)
                                    WHEN 'resolved' THEN COALESCE(t.resolved_at, t.updated_at)
                                    ELSE t.updated_at END),
            NULL
        FROM (SELECT ticket_id, to_status, at, MAX(id) FROM ticket_status_change WHERE id > ? GROUP BY ticket_id) c
        JOIN ticket t ON t.id = c.ticket_id
        WHERE c.to_status <> t.status;
        """
}
