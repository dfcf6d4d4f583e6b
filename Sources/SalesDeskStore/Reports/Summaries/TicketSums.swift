import GRDB

/// The support report's sums of the ticket figures (``TicketFigures``), per UTC hour, day and month of creation
/// (``SummaryBuckets``), kept exact by triggers on `ticket`:
///
/// - `report_ticket_sum`: per team, assignee and priority (`0` for none) — tickets, met, breached (recorded), answered,
///   reopened, resolved, seconds of finished waits at the customer, and the current waits (how many, and the sum of
///   their start times, so a report adds `waiting × now − waiting_since`).
/// - `report_ticket_span`: a histogram of the business seconds to first response (`measure` 0) and to resolution (1)
///   per assignee and ``span(_:)``; a median is found in it to one span, and that span's tickets are then read in
///   order through the expression indexes `ticket_response_span` and `ticket_resolution_span`.
enum TicketSums {
    static let triggerPrefix = "report_ticket_sum_"

    /// A duration's span (SQL expression over `seconds`): single seconds below a minute (0–59, see ``exactSeconds(ofSpan:)``),
    /// minutes below two hours (61–179), quarter hours below two days (188–371), days below 60 days (382–439), then
    /// weeks (458 on). Only the order matters: the median's span is read row by row, unless it holds one value.
    static func span(_ seconds: String) -> String {
        "(CASE WHEN \(seconds) < 60 THEN \(seconds) WHEN \(seconds) < 7200 THEN 60 + \(seconds) / 60 "
            + "WHEN \(seconds) < 172800 THEN 180 + \(seconds) / 900 WHEN \(seconds) < 5184000 THEN 380 + \(seconds) / 86400 "
            + "ELSE 450 + \(seconds) / 604800 END)"
    }

    /// The one duration a span holds, for the spans of single seconds (a reply within the same second, or before the
    /// day opened, takes 0 business seconds: often the median); nil for wider spans.
    static func exactSeconds(ofSpan span: Int64) -> Int64? {
        (0..<60).contains(span) ? span : nil
    }

    /// The histogram's measures and their ticket columns.
    enum Measure: Int, CaseIterable {
        case firstResponse = 0, resolution = 1
        var column: String { self == .firstResponse ? "response_seconds" : "resolution_seconds" }
        var index: String { self == .firstResponse ? "ticket_response_span" : "ticket_resolution_span" }
    }

    static let sumColumns = "level, bucket, team_key, assignee_key, priority, tickets, met, breached, answered, reopened, resolved, pending_seconds, waiting, waiting_since"
    static let spanColumns = "level, bucket, measure, span, assignee_key, tickets"

    /// The figures one ticket row adds (prefix `NEW.`/`OLD.`, or `` over `ticket`), in ``sumColumns`` order after the keys.
    private static func amounts(_ row: String) -> [String] {
        ["1", "\(row)response_seconds IS NOT NULL AND \(row)first_response_breached_at IS NULL", "\(row)first_response_breached_at IS NOT NULL",
         "\(row)response_seconds IS NOT NULL", "\(row)reopen_count > 0", "\(row)resolution_seconds IS NOT NULL", "\(row)pending_seconds",
         "\(row)pending_since IS NOT NULL", "COALESCE(\(row)pending_since, 0)"]
    }

    private static let amountNames = ["tickets", "met", "breached", "answered", "reopened", "resolved", "pending_seconds", "waiting", "waiting_since"]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_ticket_sum (
                level INTEGER NOT NULL, bucket INTEGER NOT NULL, team_key INTEGER NOT NULL, assignee_key INTEGER NOT NULL, priority TEXT NOT NULL,
                tickets INTEGER NOT NULL, met INTEGER NOT NULL, breached INTEGER NOT NULL, answered INTEGER NOT NULL, reopened INTEGER NOT NULL,
                resolved INTEGER NOT NULL, pending_seconds INTEGER NOT NULL, waiting INTEGER NOT NULL, waiting_since INTEGER NOT NULL,
                PRIMARY KEY (level, bucket, team_key, assignee_key, priority)
            ) WITHOUT ROWID;
            CREATE TABLE report_ticket_span (
                level INTEGER NOT NULL, bucket INTEGER NOT NULL, measure INTEGER NOT NULL, span INTEGER NOT NULL, assignee_key INTEGER NOT NULL,
                tickets INTEGER NOT NULL,
                PRIMARY KEY (level, bucket, measure, span, assignee_key)
            ) WITHOUT ROWID;
            """)
        for measure in Measure.allCases {
            try db.execute(sql: """
                CREATE INDEX \(measure.index) ON ticket(\(span(measure.column)), created_at, assignee_id, \(measure.column))
                WHERE \(measure.column) IS NOT NULL
                """)
        }
    }

    /// The sums of every level, from the tickets.
    static let sumsFromScratch = SummaryBuckets.levelSQL(column: "created_at").map { level, bucket in
        "SELECT \(level), \(bucket), COALESCE(team_id, 0), COALESCE(assignee_id, 0), priority, "
            + zip(amounts(""), amountNames).map { "SUM(\($0.0))" }.joined(separator: ", ")
            + " FROM ticket GROUP BY 2, 3, 4, 5"
    }.joined(separator: " UNION ALL ")

    /// The histograms of every level and measure, from the tickets.
    static let spansFromScratch = SummaryBuckets.levelSQL(column: "created_at").flatMap { level, bucket in
        Measure.allCases.map { measure in
            "SELECT \(level), \(bucket), \(measure.rawValue), \(span(measure.column)), COALESCE(assignee_id, 0), COUNT(*) FROM ticket "
                + "WHERE \(measure.column) IS NOT NULL GROUP BY 2, 4, 5"
        }
    }.joined(separator: " UNION ALL ")

    /// The statements that add (`sign` 1) or take away (-1) one ticket row (`NEW`/`OLD`) in every level.
    private static func change(_ row: String, sign: Int) -> String {
        let prefix = row + "."
        return SummaryBuckets.levelSQL(column: "\(prefix)created_at").map { level, bucket in
            let values = amounts(prefix).map { "\(sign) * (\($0))" }.joined(separator: ", ")
            let sums = """
                INSERT INTO report_ticket_sum (\(sumColumns))
                VALUES (\(level), \(bucket), COALESCE(\(prefix)team_id, 0), COALESCE(\(prefix)assignee_id, 0), \(prefix)priority, \(values))
                ON CONFLICT (level, bucket, team_key, assignee_key, priority) DO UPDATE SET
                    \(amountNames.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "));
                """
            let spans = Measure.allCases.map { measure in
                """
                INSERT INTO report_ticket_span (\(spanColumns))
                SELECT \(level), \(bucket), \(measure.rawValue), \(span("\(prefix)\(measure.column)")), COALESCE(\(prefix)assignee_id, 0), \(sign)
                WHERE \(prefix)\(measure.column) IS NOT NULL
                ON CONFLICT (level, bucket, measure, span, assignee_key) DO UPDATE SET tickets = tickets + excluded.tickets;
                """
            }
            return ([sums] + spans).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The ticket columns the sums read.
    private static let watched = ["created_at", "team_id", "assignee_id", "priority", "response_seconds", "first_response_breached_at",
                                  "resolution_seconds", "reopen_count", "pending_seconds", "pending_since"]

    static func createTriggers(_ db: Database) throws {
        try db.execute(sql: SummedFacts.rowTriggers(named: triggerPrefix, on: "ticket", columns: watched) { change($0, sign: $1) })
    }

    /// Drops the triggers, for a bulk change that ends with ``rebuild(_:)``.
    static func dropTriggers(_ db: Database) throws {
        try SummedFacts.dropTriggers(db, prefixes: [triggerPrefix])
    }

    /// Sums both tables again from the tickets and (re)creates the triggers.
    static func rebuild(_ db: Database) throws {
        try dropTriggers(db)
        try db.execute(sql: """
            DELETE FROM report_ticket_sum; DELETE FROM report_ticket_span;
            INSERT INTO report_ticket_sum (\(sumColumns)) \(sumsFromScratch);
            INSERT INTO report_ticket_span (\(spanColumns)) \(spansFromScratch);
            """)
        try createTriggers(db)
    }

    /// The tables that no longer equal a recomputation from the tickets (rows summed to zero are not compared).
    static func drift(_ db: Database) throws -> [String] {
        try SummedFacts.differing(db, [
            ("report_ticket_sum", "SELECT \(sumColumns) FROM report_ticket_sum WHERE tickets <> 0", sumsFromScratch),
            ("report_ticket_span", "SELECT \(spanColumns) FROM report_ticket_span WHERE tickets <> 0", spansFromScratch),
        ])
    }
}
