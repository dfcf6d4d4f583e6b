import GRDB

/// Migration "v8: trust": who really operated an `--as` change, each audited record's state digest,
/// and the audit anchors this file knows (see ``AuditAnchor``).
enum TrustSchema {
    static let migrationName = "v8: trust (audit operator, record state, anchors)"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_entry ADD COLUMN operated_by TEXT;
            ALTER TABLE audit_entry ADD COLUMN record_state TEXT;
            CREATE TABLE audit_anchor (
                id INTEGER PRIMARY KEY,
                entry_id INTEGER NOT NULL,
                hash BLOB NOT NULL,
                made_at INTEGER NOT NULL
            );
            """)
    }
}
