import Foundation
import GRDB
import SalesDeskDomain

/// Materialises due work inside the caller's transaction: the writes that change a follow-up or a
/// ticket replace its pending jobs, so a scheduler only ever reads `scheduled_job` by due time.
enum ScheduledWork {
    /// Replaces a planned follow-up's pending reminders and overdue escalation with ones for `dueAt`.
    static func planFollowUp(_ db: Database, activityID: Int64, dueAt: Date, plan: ReminderPlan, escalationDelay: TimeInterval) throws {
        try cancel(db, .activity(activityID), kinds: [.reminder, .overdue])
        for job in followUpJobs(dueAt: dueAt, plan: plan, escalationDelay: escalationDelay) {
            try upsert(db, kind: job.kind, record: .activity(activityID), level: job.level, dueAt: job.dueAt, eventAt: dueAt)
        }
    }

    /// One pending job of a follow-up: its kind, level (a reminder's offset in seconds) and due time.
    struct FollowUpJob {
        let kind: DueWork.Kind
        let level: Int
        let dueAt: Date
    }

    /// A planned follow-up's jobs: one reminder per distinct offset of `plan` (a job's level is its
    /// offset, unique per follow-up), then the overdue escalation.
    static func followUpJobs(dueAt: Date, plan: ReminderPlan, escalationDelay: TimeInterval) -> [FollowUpJob] {
        var levels = Set<Int>()
        return plan.reminders(forDueAt: dueAt).filter { levels.insert(Int($0.offset)).inserted }
            .map { FollowUpJob(kind: .reminder, level: Int($0.offset), dueAt: $0.firesAt) }
            + [FollowUpJob(kind: .overdue, level: 0, dueAt: dueAt.addingTimeInterval(escalationDelay))]
    }

    /// Removes a record's pending work of `kinds` (done work stays as history).
    static func cancel(_ db: Database, _ record: RecordReference, kinds: [DueWork.Kind]) throws {
        try db.cachedStatement(sql: """
            DELETE FROM scheduled_job WHERE record_kind = ? AND record_id = ? AND done_at IS NULL AND kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")))
            """).execute(arguments: [record.kind, record.id])
    }

    /// Adds (or moves, if still pending) one job; a job already done is left alone so it never fires twice.
    static func upsert(_ db: Database, kind: DueWork.Kind, record: RecordReference, level: Int, dueAt: Date, eventAt: Date?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO scheduled_job (kind, record_kind, record_id, level, due_at, event_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, record_kind, record_id, level) DO UPDATE SET
                due_at = excluded.due_at, event_at = excluded.event_at, claimed_by = NULL, lease_until = NULL
            WHERE done_at IS NULL
            """).execute(arguments: [kind.rawValue, record.kind, record.id, level, dueAt.epochSeconds, eventAt?.epochSeconds])
    }

    /// Materialises the pending work of data written without the named writes (bulk demo data, files
    /// that predate the scheduler): reminders and escalations of planned follow-ups still ahead of `now`,
    /// and the first-response clocks of open tickets without a response.
    static func backfill(_ db: Database, configuration: DeskConfiguration, now: Date) throws {
        let offsets = configuration.reminderPlan.offsets.map { "(\(Int($0)))" }.joined(separator: ",")
        let delay = Int(configuration.scheduler.overdueEscalationSeconds)
        try db.execute(sql: """
            WITH plan(offset) AS (VALUES \(offsets), (NULL))
            INSERT OR IGNORE INTO scheduled_job (kind, record_kind, record_id, level, due_at, event_at)
            SELECT CASE WHEN plan.offset IS NULL THEN 'overdue' ELSE 'reminder' END, 'activity', activity.id,
                   COALESCE(plan.offset, 0), activity.due_at + COALESCE(plan.offset, ?1), activity.due_at
            FROM activity, plan
            WHERE activity.state = 'planned' AND activity.due_at >= ?2 AND activity.due_at + COALESCE(plan.offset, ?1) >= ?3
            """, arguments: [delay, now.epochSeconds - Int64(max(delay, 86_400 * 30)), now.epochSeconds])
        // Bulk-loaded tickets never had a clock started: start it at creation unless waiting on the customer.
        try db.execute(sql: """
            UPDATE ticket SET sla_running_since = created_at
            WHERE first_response_at IS NULL AND sla_running_since IS NULL AND sla_used_seconds = 0 AND status <> 'pending_at_customer'
            """)
        let tickets = try Int64.fetchAll(db, sql: """
            SELECT id FROM ticket WHERE first_response_at IS NULL AND status NOT IN ('resolved', 'deployed', 'closed')
            AND sla_running_since IS NOT NULL AND created_at >= ?
            """, arguments: [now.epochSeconds - 30 * 86_400])
        for ticketID in tickets { try TicketClock.plan(db, ticketID: ticketID, configuration: configuration) }
    }
}
