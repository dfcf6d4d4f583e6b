import Foundation
import GRDB

/// The `v12a` migration: one event per completed follow-up.
///
/// A completion is audited as one entry per changed field (`state`, and `outcome` when notes were given), each with
/// the action `complete`; the v10 trigger appended a "completed" event for each, so `when follow-up is completed`
/// rules fired twice for a completion with notes. The trigger is made again from its stored text with only its
/// condition changed (the completion's `state` entry is its one event); what an event holds stays written once, in
/// ``AutomationSchema``.
enum CompletionEventSchema {
    static let migrationName = "v12a: one automation event per completed follow-up"

    static let v10Condition = "AND (NEW.action IN ('create', 'complete') OR NEW.field IN"
    static let condition = """
        AND (NEW.action = 'create' OR (NEW.action = 'complete' AND (NEW.field IS NULL OR NEW.field = 'state'))
                      OR NEW.action <> 'complete' AND NEW.field IN
        """

    static func create(_ db: Database) throws {
        let stored = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'automation_event_from_audit'")
        guard let stored, let range = stored.range(of: v10Condition) else {
            throw DatabaseError(message: "v12a: the automation event trigger is not the one v10 made; it was left as it is")
        }
        try db.execute(sql: "DROP TRIGGER automation_event_from_audit")
        try db.execute(sql: stored.replacingCharacters(in: range, with: condition))
    }
}
