import GRDB

/// The "v6: …" migration: what the desk's store side needed for issue #11.
///
/// - `lead_closed_period`: Won and Lost leads by close time (`stage_entered_at`), covering owner, currency
///   and value, so the board's closed columns total a period (this month, this quarter) from an index range.
/// - `ticket_account`, `ticket_contact`: ticket search by account and by contact; `ticket_created`: a search
///   over all tickets walks them in queue order instead of sorting every match.
/// - `ticket.first_response_breached_at`: when the first-response target was missed, recorded when it
///   happens (by the scheduler, by a late reply, or by closing without one) so the SLA record keeps it.
/// - `notification_item`: the items a digest notification stands for, so the inbox can open each.
enum DeskFixesSchema {
    static let migrationName = "v6: closed-lead periods, ticket search, SLA breaches, digest items"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX lead_closed_period ON lead(stage, stage_entered_at, owner_id, currency, value_minor)
                WHERE stage IN ('won', 'lost');
            CREATE INDEX ticket_account ON ticket(account_id) WHERE account_id IS NOT NULL;
            CREATE INDEX ticket_contact ON ticket(contact_id) WHERE contact_id IS NOT NULL;
            CREATE INDEX ticket_created ON ticket(created_at);
            ALTER TABLE ticket ADD COLUMN first_response_breached_at INTEGER;
            CREATE TABLE notification_item (
                notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                record_kind TEXT,
                record_id INTEGER,
                title TEXT NOT NULL,
                PRIMARY KEY (notification_id, position)
            ) WITHOUT ROWID;
            -- Breaches the scheduler already announced before this column existed.
            UPDATE ticket SET first_response_breached_at = (
                SELECT MIN(due_at) FROM scheduled_job
                WHERE kind = 'sla_breach' AND record_kind = 'ticket' AND record_id = ticket.id AND outcome IN ('notified', 'digest'))
            WHERE id IN (SELECT record_id FROM scheduled_job WHERE kind = 'sla_breach' AND outcome IN ('notified', 'digest'));
            """)
        // Tickets with a contact are searched by the contact's name too (see SearchIndex.indexTicket).
        try SearchIndex.reindexTicketsWithContacts(db)
    }
}
