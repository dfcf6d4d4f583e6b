import Foundation
import GRDB
import SalesDeskDomain

/// Generates a realistic, deterministic data set relative to a given instant: a team of reps,
/// support reps and managers, accounts, leads in every stage (some stalled), won/lost history,
/// tickets in every status, and follow-ups overdue, today and upcoming.
public struct DemoDataGenerator {
    /// How much data to make.
    public enum Size: String, Sendable, CaseIterable {
        /// 2,000 leads, 400 tickets, 3,000 follow-ups: instant, for trying the desk.
        case small
        /// 100,000 leads, 20,000 tickets, 100,000 follow-ups: long lists in seconds, for end-to-end tests.
        case medium = "100k"
        /// 1,000,000 leads, 200,000 tickets, 1,000,000 follow-ups: for benchmarks.
        case large = "1m"

        var leads: Int {
            switch self {
            case .small: 2_000
            case .medium: 100_000
            case .large: 1_000_000
            }
        }

        var tickets: Int { leads / 5 }

        var activities: Int { self == .small ? 3_000 : leads }
    }

    /// The handle of the demo's sample sales rep (`--demo` signs in as her).
    public static let sampleRepHandle = "ana"

    public let size: Size
    public let seed: UInt64
    public let now: Date

    public init(size: Size, seed: UInt64, now: Date) {
        self.size = size
        self.seed = seed
        self.now = now
    }

    /// Fills an empty database; `progress` receives a phase name and a fraction 0–1.
    public func generate(into database: AppDatabase, progress: (String, Double) -> Void = { _, _ in }) throws {
        var random = SeededGenerator(seed: seed)
        try database.writer.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") == 0 else {
                throw DomainError.invalidField(field: "database", reason: "already holds leads; demo data goes into an empty database")
            }
        }
        // A fresh file being filled: a big page cache keeps the random index inserts in memory, and
        // skipping fsync is safe because a crash only loses a half-made demo (which is deleted).
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF")
        }
        defer {
            try? database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA synchronous = NORMAL")
            }
        }
        let indexes = try database.writer.write { db in try Self.dropSecondaryIndexes(db) }
        // The report summaries are summed once at the end instead of row by row.
        try database.writer.write { db in
            try ReportSummarySchema.dropTriggers(db)
            try StageStaySchema.dropTriggers(db)
            try TicketSums.dropTriggers(db)
        }
        progress("people", 0)
        let staff = try database.writer.write { db in try DemoStaff.create(db, now: now) }
        var leads = DemoLeads(staff: staff, now: now, count: size.leads)
        try leads.insert(into: database, random: &random, progress: { progress("leads", $0) })
        try DemoTickets(staff: staff, now: now, count: size.tickets).insert(into: database, accountCount: leads.accountCount, random: &random, progress: { progress("tickets", $0) })
        try DemoActivities(staff: staff, now: now, count: size.activities, leadCount: size.leads)
            .insert(into: database, leadOwners: leads.owners, leadIsOpen: leads.isOpen, random: &random, progress: { progress("follow-ups", $0) })
        try database.writer.write { db in try DemoReschedules.insert(db, now: now.epochSeconds) }
        var history = DemoHistory(seed: seed, pipeline: database.configuration.pipeline)
        try history.insert(into: database) { progress("history", $0 / 2) }
        try database.writer.write { db in
            try HistoryBackfill.run(db, leads: false) { _, fraction in progress("history", 0.5 + fraction / 2) }
            try DemoTicketReopens.insert(db)
        }
        progress("indexes", 0)
        try database.writer.write { db in
            for (position, sql) in indexes.enumerated() {
                try db.execute(sql: sql)
                progress("indexes", Double(position + 1) / Double(indexes.count))
            }
        }
        progress("search index", 0)
        try database.writer.write { db in try Self.buildSearchIndex(db) }
        progress("search index", 1)
        progress("report summaries", 0)
        try database.writer.write { db in
            try ReportSummarySchema.rebuild(db)
            try StageStaySchema.rebuild(db)
            try TicketFigures.rebuild(db, configuration: database.configuration)
        }
        progress("report summaries", 1)
        try database.writer.write { db in try ScheduledWork.backfill(db, configuration: database.configuration, now: now) }
        try database.writer.write { db in try DemoQuotas.create(db, now: now, currency: database.configuration.defaultCurrency) }
        try database.writer.write { db in try recordInAuditLog(db) }
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE") }
    }

    /// Marks the file as a demo database and appends chained audit entries for what was generated: one
    /// per user (so people's timelines start with their creation) and one summary for the bulk load,
    /// which runs as the system (no user), like imports.
    private func recordInAuditLog(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO desk_setting (key, value) VALUES ('demo', '1')")
        var chain = try AuditChainAppender(db)
        for user in try User.order(Column("id")).fetchAll(db) {
            try chain.append(db, AuditEntry(userID: nil, at: now, record: .user(user.id!), action: "create", after: "\(user.handle) (\(user.role.rawValue))"))
        }
        let summary = "demo data (seed \(seed)): \(size.leads) leads, \(size.tickets) tickets, \(size.activities) follow-ups"
        let firstTeam = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM team") ?? 0
        try chain.append(db, AuditEntry(userID: nil, at: now, record: .team(firstTeam), action: "bulk_load", after: summary))
    }

    /// Drops the indexes of the bulk-loaded tables and returns the SQL to recreate them: building an
    /// index once, sorted, is several times faster than keeping it up to date through a million inserts.
    private static func dropSecondaryIndexes(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('account', 'contact', 'lead', 'ticket', 'activity', 'lead_stage_change', 'ticket_status_change')
            """)
        for row in rows { try db.execute(sql: "DROP INDEX \(row["name"] as String)") }
        return rows.map { $0["sql"] }
    }

    private static func buildSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO search (rowid, title, body)
            SELECT lead.id * 4, contact.name,
                   lead.title || ' ' || lead.tags
            FROM lead JOIN contact ON contact.id = lead.contact_id;
            INSERT INTO search (rowid, title, body)
            SELECT id * 4 + 1, printf('T-%06d ', id) || subject, description FROM ticket;
            INSERT INTO search (rowid, title, body)
            SELECT id * 4 + 2, name, COALESCE(domain, '') || ' ' || COALESCE(industry, '') FROM account;
            """)
    }
}
