import GRDB

/// The "v4: scheduler" migration (registered after "v3: staleness index for team queues" once merged): materialised due work, stall cursors, heartbeats and the hook outbox.
enum SchedulerSchema {
    static let migrationName = "v4: scheduler"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            -- Due work, one row per (kind, record, level); done rows stay as history.
            CREATE TABLE scheduled_job (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                record_kind TEXT NOT NULL,
                record_id INTEGER NOT NULL,
                level INTEGER NOT NULL DEFAULT 0,
                due_at INTEGER NOT NULL,
                event_at INTEGER,
                claimed_by TEXT,
                lease_until INTEGER,
                done_at INTEGER,
                outcome TEXT,
                UNIQUE (kind, record_kind, record_id, level)
            );
            -- "What is due now" and "when is the next item" read only pending rows.
            CREATE INDEX scheduled_job_pending_due ON scheduled_job(due_at) WHERE done_at IS NULL;
            -- Stall scans: the last stall-clock value each (stage, level) has been checked up to.
            CREATE TABLE scheduler_cursor (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE scheduler_heartbeat (
                claimer TEXT PRIMARY KEY,
                pid INTEGER NOT NULL,
                host TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                beat_at INTEGER NOT NULL,
                last_pass_at INTEGER,
                last_fired INTEGER NOT NULL DEFAULT 0,
                next_due_at INTEGER
            ) WITHOUT ROWID;
            -- Hook outbox: one row per (hook, notification), retried with backoff outside any transaction.
            CREATE TABLE hook_delivery (
                id INTEGER PRIMARY KEY,
                hook TEXT NOT NULL,
                notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                claimed_by TEXT,
                lease_until INTEGER,
                last_error TEXT,
                delivered_at INTEGER,
                failed_at INTEGER,
                UNIQUE (hook, notification_id)
            );
            CREATE INDEX hook_delivery_pending ON hook_delivery(next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
            -- First-response clock: business seconds used before the clock last started, and when it started
            -- (NULL while Pending at Customer).
            ALTER TABLE ticket ADD COLUMN sla_used_seconds INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE ticket ADD COLUMN sla_running_since INTEGER;
            """)
    }
}
