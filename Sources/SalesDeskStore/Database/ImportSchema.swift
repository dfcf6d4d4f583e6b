import GRDB
import SalesDeskDomain

/// Migration v5 (after main's v3 staleness index and the scheduler's v4): what lead capture stores.
///
/// - `import_run`: one row per import, with `rows_done` advanced in every committed batch, so an
///   interrupted run is resumed by re-running the same file.
/// - `lead.score_breakdown`: the explainable score's lines as JSON (`[{"reason":…,"points":…}]`).
/// - `contact.match_key`: ``DedupeKey/nameAndCompany(name:company:)``, indexed for "possible duplicate".
enum ImportSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE import_run (
                id INTEGER PRIMARY KEY,
                file_name TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                user_id INTEGER REFERENCES user(id),
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                rows_done INTEGER NOT NULL DEFAULT 0,
                imported INTEGER NOT NULL DEFAULT 0,
                merged INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX import_run_fingerprint ON import_run(fingerprint, finished_at);
            ALTER TABLE lead ADD COLUMN score_breakdown TEXT;
            ALTER TABLE contact ADD COLUMN match_key TEXT;
            """)
        let matchKey = DatabaseFunction("salesdesk_match_key", argumentCount: 2, pure: true) { values in
            guard let name = String.fromDatabaseValue(values[0]) else { return nil }
            return DedupeKey.nameAndCompany(name: name, company: String.fromDatabaseValue(values[1]))
        }
        db.add(function: matchKey)
        try db.execute(sql: """
            UPDATE contact SET match_key = salesdesk_match_key(name, (SELECT name FROM account WHERE account.id = contact.account_id));
            CREATE INDEX contact_match_key ON contact(match_key) WHERE match_key IS NOT NULL;
            """)
        db.remove(function: matchKey)
    }
}
