import Foundation
import GRDB

/// The `v12a` migration: one event per completed follow-up.
///
/// A completion is audited as one entry per changed field (`state`, and `outcome` when notes were given), each with
/// the action `complete`; the v10 trigger appended a "completed" event for each, so `when follow-up is completed`
/// rules fired twice for a completion with notes. The trigger is made again with the completion's `state` entry as
/// its only event; everything else it does is unchanged.
enum CompletionEventSchema {
    static let migrationName = "v12a: one automation event per completed follow-up"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER automation_event_from_audit;
            CREATE TRIGGER automation_event_from_audit AFTER INSERT ON audit_entry
            WHEN NEW.record_kind IN ('lead', 'ticket', 'activity', 'account')
                 AND (NEW.action = 'create'
                      OR (NEW.action = 'complete' AND (NEW.field IS NULL OR NEW.field = 'state'))
                      OR (NEW.action <> 'complete' AND NEW.field IN ('stage', 'status', 'owner', 'assignee', 'priority', 'category', 'score', 'value', 'tags')))
            BEGIN
                INSERT INTO automation_event (kind, record_kind, record_id, field, before, after, at)
                VALUES (CASE WHEN NEW.action = 'create' THEN 'created'
                             WHEN NEW.action = 'complete' AND NEW.record_kind = 'activity' THEN 'completed'
                             ELSE 'changed' END,
                        NEW.record_kind, NEW.record_id,
                        CASE WHEN NEW.action IN ('create', 'complete') THEN NULL ELSE NEW.field END,
                        NEW.before, NEW.after, NEW.at);
            END;
            """)
    }
}
