import GRDB
import SalesDeskDomain

/// Migration "v13a: ticket figures": what the support report sums instead of working out business hours per ticket.
///
/// On `ticket` (kept by ``TicketFigures`` in the writes that change them):
/// - `response_seconds`: business seconds the first-response clock ran until the first response (the clock stops
///   while the ticket is Pending at Customer); NULL until answered.
/// - `resolution_seconds`: business seconds from creation to resolution; NULL unless resolved (cleared on reopen).
/// - `pending_seconds`: seconds of the finished waits at Pending at Customer; `pending_since`: when the current one began.
/// - `reopen_count`: moves from Resolved, Deployed or Closed back to In Process.
///
/// ``TicketSums`` sums them per hour, day and month of creation. `ticket_backlog` counts the open tickets by status
/// and category from an index range per status (the report's backlog). Two partial indexes serve its row reads:
/// `ticket_breached` (the tickets with a recorded breach, by creation) and `ticket_unanswered` (open tickets with no
/// reply and no breach recorded yet, whose running clock the report reads at its instant).
///
/// Business hours come from the desk's configuration, which a migration does not have: the migration marks the
/// file (`desk_setting` `ticket_figures_pending`) and ``AppDatabase/open(path:configuration:allowReadOnly:creatingMissingFile:allowDamaged:now:)``
/// fills the figures right after it, with progress, clearing the mark in the same transaction — a run cut short
/// fills them at the next open.
enum TicketFiguresSchema {
    static let migrationName = "v13a: ticket figures (business seconds to first response and resolution, waits, reopens)"

    /// The `desk_setting` key that says the figures still have to be filled.
    static let pendingKey = "ticket_figures_pending"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE ticket ADD COLUMN response_seconds INTEGER;
            ALTER TABLE ticket ADD COLUMN resolution_seconds INTEGER;
            ALTER TABLE ticket ADD COLUMN pending_seconds INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE ticket ADD COLUMN pending_since INTEGER;
            ALTER TABLE ticket ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX ticket_backlog ON ticket(status, category, assignee_id);
            CREATE INDEX ticket_breached ON ticket(created_at, team_id, assignee_id, priority) WHERE first_response_breached_at IS NOT NULL;
            CREATE INDEX ticket_unanswered ON ticket(created_at, team_id, assignee_id, priority, sla_used_seconds, sla_running_since)
                WHERE \(unansweredCondition);
            INSERT OR REPLACE INTO desk_setting (key, value) VALUES ('\(pendingKey)', '1');
            """)
        try TicketSums.create(db)
    }

    /// Tickets still waiting for a first response with no breach recorded, on a running clock, not settled (SQL on `ticket`).
    static let unansweredCondition = """
        response_seconds IS NULL AND first_response_breached_at IS NULL AND sla_running_since IS NOT NULL \
        AND status NOT IN (\(TicketStatus.settled.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
        """

    /// Whether the figures still have to be filled (a file migrated to v13a whose fill has not run or was cut short).
    static func isPending(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM desk_setting WHERE key = ?", arguments: [pendingKey]) != nil
    }

    /// Fills the figures of every ticket when the migration asked for it (see the type's notes).
    static func fillIfPending(_ db: Database, configuration: DeskConfiguration) throws {
        guard try isPending(db) else { return }
        try TicketFigures.rebuild(db, configuration: configuration)
        try db.execute(sql: "DELETE FROM desk_setting WHERE key = ?", arguments: [pendingKey])
    }
}
