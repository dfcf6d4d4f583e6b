import Foundation
import SalesDeskDomain
import SalesDeskStore

/// The store's read paths the desk uses all day, each paired with equivalent SQL for the sqlite3 shell.
struct StoreScenarios {
    let database: AppDatabase
    let runs: Int
    let compareWithSQLite: Bool

    func run() throws -> [BenchmarkResult] {
        guard let ana = try database.user(handle: DemoDataGenerator.sampleRepHandle) else {
            throw DomainError.notFound("The demo rep '\(DemoDataGenerator.sampleRepHandle)' (is this a demo database?)")
        }
        let now = Date()
        let owner = ana.id!
        var results: [BenchmarkResult] = []
        func measure(_ name: String, sql: String?, _ body: () throws -> Void) throws {
            let desk = try Measurement.median(runs: runs, body)
            let sqlite = try sql.flatMap { compareWithSQLite && SQLiteCLI.isAvailable ? try SQLiteCLI.medianMilliseconds(database: database.path, sql: $0) : nil }
            results.append(BenchmarkResult(name: name, deskMilliseconds: desk, sqliteMilliseconds: sqlite))
        }
        let queue = LeadQuery(ownerIDs: [owner], stages: [.open])
        try measure("queue page: my New to contact (50 rows)", sql: """
            SELECT lead.*, contact.name, account.name FROM lead JOIN contact ON contact.id = lead.contact_id
            LEFT JOIN account ON account.id = lead.account_id WHERE lead.owner_id = \(owner) AND lead.stage = 'open'
            ORDER BY lead.last_touched_at, lead.id LIMIT 50
            """) { _ = try database.leads(queue, limit: 50) }
        var deepCursor: PageCursor?
        for _ in 0..<20 { deepCursor = try database.leads(LeadQuery(sort: .valueDescending), after: deepCursor, limit: 50).next }
        try measure("queue page: all leads by value, page 21", sql: """
            SELECT lead.*, contact.name FROM lead JOIN contact ON contact.id = lead.contact_id
            ORDER BY lead.value_minor DESC, lead.id DESC LIMIT 50 OFFSET 1000
            """) { _ = try database.leads(LeadQuery(sort: .valueDescending), after: deepCursor, limit: 50) }
        try measure("ticket queue: untriaged (50 rows)", sql: "SELECT * FROM ticket WHERE status = 'new' ORDER BY created_at, id LIMIT 50") {
            _ = try database.tickets(TicketQuery(statuses: [.new]), limit: 50)
        }
        try measure("My Agenda (5 sections + attention)", sql: nil) { _ = try database.agenda(for: ana, at: now) }
        try measure("board: totals + 20 cards × 10 stages", sql: "SELECT stage, currency, COUNT(*), SUM(value_minor) FROM lead GROUP BY stage, currency") {
            _ = try database.pipelineBoard(cardsPerStage: 20)
        }
        for text in ["an", "ana", "ana sil"] {
            let pattern = text.split(separator: " ").map { "\"\($0)\"*" }.joined(separator: " AND ")
            try measure("search as you type: '\(text)' (20 hits)", sql: "SELECT rowid, title FROM search WHERE search MATCH '\(pattern)' LIMIT 20") {
                _ = try database.search(text, limit: 20)
            }
        }
        try measure("stalled count for a rep", sql: nil) { _ = try database.countLeads(LeadQuery(ownerIDs: [owner], stalledAt: now)) }
        try searchWithinQueues(owner: owner, measure: measure)
        try closedPeriods(now: now, measure: measure)
        return results
    }

    /// Two-letter words inside a rep's queues (issue #11, defect 6) and ticket search (defect 7).
    private func searchWithinQueues(owner: Int64, measure: (String, String?, () throws -> Void) throws -> Void) throws {
        for (label, query) in [("all mine by days in stage", LeadQuery(ownerIDs: [owner])),
                               ("my Proposal Sent", LeadQuery(ownerIDs: [owner], stages: [.proposalSent])),
                               ("all leads by value", LeadQuery(sort: .valueDescending))] {
            for text in ["an", "jo", "ana sil"] {
                var searched = query
                searched.searchText = text
                try measure("search in \(label): '\(text)' (50 rows)", nil) { _ = try database.leads(searched, limit: 50) }
            }
        }
        for text in ["T-000123", "sync", "an", "acme"] {
            try measure("ticket search: '\(text)' (50 rows)", nil) { _ = try database.tickets(TicketQuery(searchText: text), limit: 50) }
        }
        try measure("ticket search in New: 'an' (50 rows)", nil) { _ = try database.tickets(TicketQuery(statuses: [.new], searchText: "an"), limit: 50) }
    }

    /// The board with its Won and Lost columns for this month and this quarter (defect 15).
    private func closedPeriods(now: Date, measure: (String, String?, () throws -> Void) throws -> Void) throws {
        let utc = TimeZone(identifier: "UTC")!
        for period in [ClosedPeriod.thisMonth, .thisQuarter] {
            let interval = period.interval(at: now, in: utc)
            try measure("board, closed \(period.label(in: utc)): totals + 20 cards × 10 stages", """
                SELECT stage, currency, COUNT(*), SUM(value_minor) FROM lead
                WHERE stage IN ('won', 'lost') AND stage_entered_at >= \(interval.start.timeIntervalSince1970) AND stage_entered_at < \(interval.end.timeIntervalSince1970)
                GROUP BY stage, currency
                """) { _ = try database.pipelineBoard(cardsPerStage: 20, closedDuring: interval) }
        }
    }
}
