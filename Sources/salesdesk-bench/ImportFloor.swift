import Foundation

/// The import's writes done by the `sqlite3` shell alone, set-based from a staging table, with no
/// validation, parsing in Swift or per-row statements: a floor no importer on this schema can beat.
///
/// The script stages the CSV with `.import`, then in one transaction writes what a desk import of the
/// demo file writes: an account (and its search row) per new company, a contact, a lead with its score
/// breakdown (the board-totals trigger fires), the lead's search row, a first follow-up and its four
/// scheduled jobs. Dedupe is two index look-ups per row (email, phone; the desk also looks up the name +
/// company key). Scores are a CASE on source and title. Where the floor differs, it does less work than the desk.
enum ImportFloor {
    /// Seconds the shell takes for the whole script on a copy of `database`.
    static func seconds(csv: String, database: String) throws -> Double {
        try timeScript(sql(csv: csv), database: database)
    }

    /// Seconds the shell takes for `.import --csv` of the file into a plain table: the baseline.
    static func plainImportSeconds(csv: String, database: String) throws -> Double {
        try timeScript(".import --csv \(csv) t\n", database: database)
    }

    /// Seconds the shell takes to stage the CSV and index only its names and companies in an FTS5
    /// table shaped like the desk's `search` (same tokenizer and prefix indexes).
    static func searchOnlySeconds(csv: String, database: String) throws -> Double {
        try timeScript("""
            CREATE VIRTUAL TABLE s USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            .import --csv \(csv) stage
            BEGIN;
            INSERT INTO s (rowid, title, body) SELECT rowid * 4, Name, Company || ' deal ' || Tags FROM stage;
            COMMIT;
            """, database: database)
    }

    /// Wall-clock seconds of `sqlite3 DATABASE ".read SCRIPT"`; fails if the shell reports an error.
    private static func timeScript(_ text: String, database: String) throws -> Double {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("import-floor-\(getpid()).sql")
        try (".bail on\n" + text).write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        var status: Int32 = 0
        let seconds = try Measurement.seconds {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", database, ".read \(script.path)"]
            try process.run()
            process.waitUntilExit()
            status = process.terminationStatus
        }
        guard status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "sqlite3 failed on \(script.path)"]) }
        return seconds
    }

    private static func sql(csv: String) -> String {
        """
        PRAGMA cache_size = -49152;
        .import --csv \(csv) stage
        BEGIN IMMEDIATE;
        CREATE TEMP TABLE base AS SELECT
            (SELECT coalesce(max(id), 0) FROM contact) AS contact, (SELECT coalesce(max(id), 0) FROM lead) AS lead,
            (SELECT coalesce(max(id), 0) FROM activity) AS activity, (SELECT coalesce(max(id), 0) FROM account) AS account;
        CREATE TEMP TABLE row AS
            SELECT stage.rowid AS n, stage.*, lower(trim(Email)) AS email_key, '+' || replace(substr(Phone, 2), ' ', '') AS e164,
                (CASE Source WHEN 'event' THEN 25 WHEN 'partner_referral' THEN 25 WHEN 'website_form' THEN 20 ELSE 10 END)
                + (CASE WHEN "Job Title" LIKE '%Director%' OR "Job Title" LIKE '%Founder%' OR "Job Title" LIKE 'VP%' THEN 30 ELSE 10 END)
                + 25 AS score
            FROM stage
            WHERE NOT EXISTS (SELECT 1 FROM contact WHERE email_key = lower(trim(stage.Email)))
              AND NOT EXISTS (SELECT 1 FROM contact WHERE phone = '+' || replace(substr(stage.Phone, 2), ' ', ''));
        INSERT INTO account (name, status, owner_id, created_at)
            SELECT DISTINCT Company, 'prospect', 1, 0 FROM row
            WHERE Company <> '' AND NOT EXISTS (SELECT 1 FROM account WHERE name = row.Company COLLATE NOCASE);
        INSERT INTO search (rowid, title, body) SELECT id * 4 + 2, name, '' FROM account WHERE id > (SELECT account FROM base);
        INSERT INTO contact (id, name, email, email_key, phone, title, account_id, created_at, match_key)
            SELECT base.contact + n, Name, Email, email_key, e164, "Job Title",
                (SELECT id FROM account WHERE name = row.Company COLLATE NOCASE), 0, lower(Name) || ' ' || lower(Company)
            FROM row, base;
        INSERT INTO lead (id, contact_id, account_id, title, source, owner_id, stage, value_minor, currency, score, tags,
                          stage_entered_at, last_touched_at, created_at, updated_at, score_breakdown)
            SELECT base.lead + n, base.contact + n, (SELECT account_id FROM contact WHERE id = base.contact + n), Company || ' deal',
                Source, 1 + n % 7, 'open', CAST(Value AS INTEGER), Currency, score, Tags, 0, 0, 0, 0,
                '[{"reason":"Source: ' || Source || '","points":25},{"reason":"Title: ' || "Job Title" ||
                '","points":30},{"reason":"Has email","points":10},{"reason":"Has phone","points":10},{"reason":"Has company","points":5}]'
            FROM row, base;
        INSERT INTO search (rowid, title, body) SELECT (base.lead + n) * 4, Name, Company || ' deal ' || Tags FROM row, base;
        INSERT INTO activity (id, type, subject, due_at, owner_id, record_kind, record_id, created_at)
            SELECT base.activity + n, CASE WHEN score >= 40 THEN 'call' ELSE 'email' END,
                CASE WHEN score >= 70 THEN 'Call within 1 hour' WHEN score >= 40 THEN 'Call within 1 day' ELSE 'Send intro email' END,
                3600, 1 + n % 7, 'lead', base.lead + n, 0
            FROM row, base;
        INSERT INTO scheduled_job (kind, record_kind, record_id, level, due_at, event_at)
            SELECT CASE WHEN plan.level IS NULL THEN 'overdue' ELSE 'reminder' END, 'activity', base.activity + n,
                coalesce(plan.level, 0), 3600 + coalesce(plan.level, 86400), 3600
            FROM row, base, (SELECT -3600 AS level UNION ALL SELECT 0 UNION ALL SELECT 86400 UNION ALL SELECT NULL) AS plan;
        COMMIT;
        """
    }
}
