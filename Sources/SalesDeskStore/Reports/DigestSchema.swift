import GRDB

/// Migration "v9: report digests": who gets daily and weekly digests at what local time, and which periods were sent.
///
/// The primary key of `report_digest_sent` is the exactly-once claim: a period's digest is written in the same
/// transaction that inserts its row.
enum DigestSchema {
    static let migrationName = "v9: report digests"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_digest_setting (
                user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
                minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),
                PRIMARY KEY (user_id, cadence)
            ) WITHOUT ROWID;
            CREATE TABLE report_digest_sent (
                user_id INTEGER NOT NULL,
                cadence TEXT NOT NULL,
                period_start INTEGER NOT NULL,
                period_end INTEGER NOT NULL,
                sent_at INTEGER NOT NULL,
                PRIMARY KEY (user_id, cadence, period_start)
            ) WITHOUT ROWID;
            """)
    }
}
