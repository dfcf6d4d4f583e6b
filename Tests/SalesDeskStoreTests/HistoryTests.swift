import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Stage and status history")
struct HistoryTests {
    @Test("a new lead starts its history in Open and every move adds a step with its time and mover")
    func leadMovesAreRecorded() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        desk.clock.advance(by: 3_600)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        desk.clock.advance(by: 3_600)
        try desk.database.moveLead(lead.id!, to: .connected, by: desk.manager)
        let history = try desk.database.stageHistory(ofLead: lead.id!)
        #expect(history == [
            StageChange(leadID: lead.id!, from: nil, to: .open, at: utc(2026, 11, 23, 10), userID: desk.rep.id),
            StageChange(leadID: lead.id!, from: .open, to: .demoGiven, at: utc(2026, 11, 23, 11), userID: desk.rep.id),
            StageChange(leadID: lead.id!, from: .demoGiven, to: .connected, at: utc(2026, 11, 23, 12), userID: desk.manager.id),
        ])
    }

    @Test("a refused move adds nothing to the history")
    func refusedMoveLeavesNoStep() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        #expect(throws: DomainError.self) { try desk.database.moveLead(lead.id!, to: .lost, by: desk.rep) }
        #expect(try desk.database.stageHistory(ofLead: lead.id!).count == 1)
    }

    @Test("a ticket's history holds its creation, its assignment and each status move")
    func ticketStatusesAreRecorded() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync fails"), by: desk.support)
        desk.clock.advance(by: 600)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.support)
        desk.clock.advance(by: 600)
        try desk.database.moveTicket(ticket.id!, to: .inProcess, by: desk.support)
        let steps = try desk.database.statusHistory(ofTicket: ticket.id!).map { "\($0.from?.rawValue ?? "-")>\($0.to.rawValue)" }
        #expect(steps == ["->new", "new>assigned", "assigned>in_process"])
    }

    @Test("the migration rebuilds the history from the audit log, creation first, and infers moves the log never saw")
    func backfillFromAuditLog() throws {
        let desk = try DeskFixture()
        let moved = try desk.lead("Jo Buyer")
        desk.clock.advance(by: 86_400)
        try desk.database.moveLead(moved.id!, to: .proposalSent, by: desk.rep)
        desk.clock.advance(by: 86_400)
        try desk.database.moveLead(moved.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync fails"), by: desk.support)
        try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.support)
        let generated = try desk.lead("Sam Seller")
        let expected = try desk.database.stageHistory(ofLead: moved.id!)
        try desk.database.writer.write { db in
            // A lead written straight into Won two days after it was created (as the demo generator does), with no audited move.
            try db.execute(sql: "UPDATE lead SET stage = 'won', stage_entered_at = created_at + 172800 WHERE id = ?", arguments: [generated.id])
            try db.execute(sql: """
                DROP TABLE lead_stage_change; DROP TABLE ticket_status_change;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v9: stage and status history%';
                """)
        }
        let reopened = try AppDatabase.open(path: desk.temporary.path, now: desk.clock.now)
        #expect(try reopened.stageHistory(ofLead: moved.id!) == expected)
        #expect(try reopened.stageHistory(ofLead: generated.id!).map { "\($0.from?.rawValue ?? "-")>\($0.to.rawValue)" } == ["->open", "open>won"])
        #expect(try reopened.stageHistory(ofLead: generated.id!).last?.at == utc(2026, 11, 27, 10))
        #expect(try reopened.statusHistory(ofTicket: ticket.id!).map(\.to) == [.new, .assigned])
    }

    @Test("the backfill reports its progress for leads and tickets")
    func backfillReportsProgress() throws {
        let desk = try DeskFixture()
        try desk.lead()
        try desk.database.writer.write { db in
            try db.execute(sql: """
                DROP TABLE lead_stage_change; DROP TABLE ticket_status_change;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v9: stage and status history%';
                """)
        }
        let seen = LockedSteps()
        MigrationProgress.handler = { step, fraction in seen.append("\(step) \(Int(fraction * 100))") }
        defer { MigrationProgress.handler = nil }
        _ = try AppDatabase.open(path: desk.temporary.path, now: desk.clock.now)
        #expect(seen.values.contains("Lead stage history 100"))
    }

    @Test("an imported lead's history starts in the stage its file gives")
    func importedLeadStartsInItsStage() throws {
        let desk = try DeskFixture()
        let path = desk.temporary.directory.appendingPathComponent("leads.csv").path
        try Data("Name,Email,Company,Status\nJo Buyer,jo@example.com,Acme,Won\n".utf8).write(to: URL(fileURLWithPath: path))
        let importer = LeadImporter(database: desk.database, user: desk.admin, options: ImportOptions())
        let reader = try ImportFile.open(path: path)
        let summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path))
        #expect(summary.imported == 1)
        let leadID = try desk.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM lead")! }
        #expect(try desk.database.stageHistory(ofLead: leadID).map(\.to) == [.won])
    }

    @Test("the expected close date is stored and changed through the lead's writes")
    func expectedCloseDate() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.updateLead(lead.id!, LeadChanges(expectedCloseDate: utc(2026, 12, 31)), by: desk.rep)
        #expect(try desk.database.leadDetail(lead.id!).lead.expectedCloseDate == utc(2026, 12, 31))
    }
}

/// Steps collected from a progress handler that may run on another thread.
final class LockedSteps: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [String] = []
    var values: [String] { lock.withLock { steps } }
    func append(_ step: String) { lock.withLock { steps.append(step) } }
}
