import Foundation
import GRDB

/// The `v10` migration: rules with versions and states, the event log appended by writes, runs, cursors.
///
/// Events are appended by triggers on `audit_entry` (every audited write already appends its entry in its
/// own transaction, so the event costs one more row in that transaction and no extra statement in the
/// write code) and on `import_run` (a run gaining `finished_at`).
enum AutomationSchema {
    static let migrationName = "v10: automation rules, events, runs and cursors"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE automation_rule (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                state TEXT NOT NULL CHECK (state IN ('draft', 'active', 'paused')),
                current_version INTEGER NOT NULL,
                is_default INTEGER NOT NULL DEFAULT 0,
                paused_reason TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE automation_rule_version (
                rule_id INTEGER NOT NULL REFERENCES automation_rule(id),
                version INTEGER NOT NULL,
                text TEXT NOT NULL,
                text_hash TEXT NOT NULL,
                author_id INTEGER REFERENCES user(id),
                created_at INTEGER NOT NULL,
                PRIMARY KEY (rule_id, version)
            ) WITHOUT ROWID;
            CREATE TABLE automation_event (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                record_kind TEXT NOT NULL,
                record_id INTEGER NOT NULL,
                field TEXT,
                before TEXT,
                after TEXT,
                at INTEGER NOT NULL,
                cause_run_id INTEGER
            );
            CREATE TABLE automation_cursor (
                name TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                claimed_by TEXT,
                lease_until INTEGER
            ) WITHOUT ROWID;
            CREATE TABLE automation_run (
                id INTEGER PRIMARY KEY,
                rule_id INTEGER NOT NULL REFERENCES automation_rule(id),
                version INTEGER NOT NULL,
                occurrence TEXT NOT NULL,
                event_id INTEGER,
                record_kind TEXT,
                record_id INTEGER,
                cause_run_id INTEGER,
                depth INTEGER NOT NULL DEFAULT 0,
                at INTEGER NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('done', 'failed', 'stopped', 'retrying', 'caught_up')),
                actions TEXT NOT NULL DEFAULT '',
                error TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                retry_at INTEGER,
                UNIQUE (rule_id, version, occurrence)
            );
            CREATE INDEX automation_run_rule_at ON automation_run(rule_id, at);
            CREATE INDEX automation_run_record ON automation_run(rule_id, record_kind, record_id, at);
            CREATE INDEX automation_run_retry ON automation_run(retry_at) WHERE retry_at IS NOT NULL;
            CREATE INDEX automation_run_failed ON automation_run(id) WHERE outcome IN ('failed', 'retrying');
            CREATE TABLE automation_hook (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES automation_run(id),
                hook TEXT NOT NULL,
                payload TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER,
                claimed_by TEXT,
                lease_until INTEGER,
                delivered_at INTEGER,
                error TEXT
            );
            CREATE INDEX automation_hook_due ON automation_hook(next_attempt_at) WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS lead_expected_close ON lead(expected_close_date) WHERE expected_close_date IS NOT NULL;
            CREATE TRIGGER automation_event_from_audit AFTER INSERT ON audit_entry
            WHEN NEW.record_kind IN ('lead', 'ticket', 'activity', 'account')
                 AND (NEW.action IN ('create', 'complete') OR NEW.field IN ('stage', 'status', 'owner', 'assignee', 'priority', 'category', 'score', 'value', 'tags'))
            BEGIN
                INSERT INTO automation_event (kind, record_kind, record_id, field, before, after, at)
                VALUES (CASE WHEN NEW.action = 'create' THEN 'created'
                             WHEN NEW.action = 'complete' AND NEW.record_kind = 'activity' THEN 'completed'
                             ELSE 'changed' END,
                        NEW.record_kind, NEW.record_id,
                        CASE WHEN NEW.action IN ('create', 'complete') THEN NULL ELSE NEW.field END,
                        NEW.before, NEW.after, NEW.at);
            END;
            CREATE TRIGGER automation_event_import_finished AFTER UPDATE OF finished_at ON import_run
            WHEN OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL
            BEGIN
                INSERT INTO automation_event (kind, record_kind, record_id, at) VALUES ('import_finished', 'import_run', NEW.id, NEW.finished_at);
            END;
            """)
        // Events before this migration are history, not news: the engine starts at the newest.
        let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM automation_event") ?? 0
        try db.execute(sql: "INSERT INTO automation_cursor (name, position) VALUES ('events', ?)", arguments: [newest])
        // The migration has no clock: the defaults are dated with the newest audited change (0 in a new file).
        let newestChange = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(at), 0) FROM audit_entry") ?? 0
        try RuleRows.seedDefaults(db, at: Date(epochSeconds: newestChange))
    }
}
