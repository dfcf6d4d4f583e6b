import GRDB

/// The "v11d: …" migration: what the desk needed to answer keys within a frame on a million leads.
///
/// - `lead_owner_closed_period`: an owner's Won and Lost leads by close time, so a rep's or a team's board
///   totals a period's closed columns from their own index range, not the whole company's.
enum DeskSpeedSchema {
    static let migrationName = "v11d: closed leads by owner"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX lead_owner_closed_period ON lead(owner_id, stage, stage_entered_at, currency, value_minor)
                WHERE stage IN ('won', 'lost');
            """)
    }
}
