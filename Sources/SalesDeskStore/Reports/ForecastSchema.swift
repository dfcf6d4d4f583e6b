import GRDB

/// Migration "v9: forecast categories and quotas".
///
/// - `lead.forecast_category`: the owner's choice of ``ForecastCategory``; NULL follows the stage's default.
/// - `quota`: a manager's target for a rep or a team over one period (cut in the setter's time zone).
/// - `lead_expected_close`: the forecast reads open deals by expected close date.
enum ForecastSchema {
    static let migrationName = "v9: forecast categories and quotas"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE lead ADD COLUMN forecast_category TEXT CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed'));
            CREATE TABLE quota (
                id INTEGER PRIMARY KEY,
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('rep', 'team')),
                holder_id INTEGER NOT NULL,
                period_start INTEGER NOT NULL,
                period_end INTEGER NOT NULL,
                time_zone TEXT NOT NULL,
                target_minor INTEGER NOT NULL CHECK (target_minor >= 0),
                currency TEXT NOT NULL,
                set_by INTEGER REFERENCES user(id),
                set_at INTEGER NOT NULL,
                UNIQUE (holder_kind, holder_id, period_start, period_end)
            );
            CREATE INDEX lead_expected_close ON lead(expected_close_date) WHERE expected_close_date IS NOT NULL;
            """)
    }
}
