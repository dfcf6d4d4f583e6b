import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

@Suite("Importing leads into the store")
struct LeadImportTests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    func csv(_ text: String) throws -> String {
        let path = desk.temporary.directory.appendingPathComponent("\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    private func run(_ path: String, _ options: ImportOptions = ImportOptions(), database: AppDatabase? = nil, rejects: inout [RowProblem]) throws -> ImportSummary {
        let importer = LeadImporter(database: database ?? desk.database, user: desk.admin, options: options)
        let reader = try ImportFile.open(path: path)
        return try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path), rejected: { rejects.append($0) })
    }

    @discardableResult
    func run(_ path: String, _ options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        var ignored: [RowProblem] = []
        return try run(path, options, rejects: &ignored)
    }

    @Test("counts add up to the data rows; rejects name row, column and reason; leads are scored, indexed and followed up")
    func summaryAddsUp() throws {
        let path = try csv("""
            Name,Email,Phone,Company,Job Title,Source
            Jo Buyer,jo@buyer.com,+1 555 010 2030,Acme Ltd,CEO,partner_referral
            Bad Mail,not-an-email,,,,
            Jo Again, JO@Buyer.com ,,,,

            Lee Cold,lee@cold.com,,,,facebook_ad
            """)
        var rejects: [RowProblem] = []
        let summary = try run(path, rejects: &rejects)
        #expect(summary.read == 4)
        #expect(summary.imported == 2)
        #expect(summary.skipped == 1)
        #expect(summary.rejected == 1)
        #expect(summary.read == summary.imported + summary.merged + summary.skipped + summary.rejected)
        #expect(summary.blankRows == 1)
        #expect(rejects == [RowProblem(row: 3, column: "Email", reason: "'not-an-email' is not a valid email address")])
        let jo = try #require(try desk.database.writer.read { db in try Lead.fetchOne(db, sql: "SELECT lead.* FROM lead JOIN contact ON contact.id = contact_id WHERE contact.name = 'Jo Buyer'") })
        #expect(jo.score == 90)
        #expect(try desk.database.leadDetail(jo.id!).scoreBreakdown.first == .init(reason: "Source: Partner referral", points: 35))
        #expect(try desk.count("activity", where: "record_id = \(jo.id!) AND subject = 'Call within 1 hour'") == 1)
        let followUp = try #require(try desk.database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM activity WHERE record_kind = 'lead' AND record_id = ?", arguments: [jo.id!])
        })
        #expect(try desk.count("scheduled_job", where: "record_kind = 'activity' AND record_id = \(followUp) AND kind = 'reminder'") == 3,
                "the first follow-up reminds −1 h, at the time and +1 d, like any scheduled one")
        #expect(try desk.count("scheduled_job", where: "record_kind = 'activity' AND record_id = \(followUp) AND kind = 'overdue'") == 1)
        #expect(try desk.database.search("buyer").contains { $0.title == "Jo Buyer" })
        #expect(try desk.count("audit_entry", where: "record_kind = 'import_run' AND action = 'import_batch'") == 1)
    }

    @Test("merge fills only empty fields of the existing contact and never blanks or overwrites one")
    func merge() throws {
        let existing = try desk.database.createLead(NewLead(contactName: "Jo Buyer", email: "jo@buyer.com", jobTitle: "CTO", ownerID: desk.rep.id!), by: desk.rep)
        let path = try csv("Name,Email,Phone,Job Title,Company\nJo B,JO@BUYER.COM,+1 555 010 2030,Intern,\n")
        let summary = try run(path, ImportOptions(onDuplicate: .merge))
        #expect(summary.merged == 1)
        #expect(summary.imported == 0)
        let contact = try desk.database.leadDetail(existing.id!).contact
        #expect(contact.name == "Jo Buyer")
        #expect(contact.title == "CTO")
        #expect(contact.phone == "+15550102030")
        #expect(try desk.count("audit_entry", where: "record_kind = 'contact' AND action = 'import_merge' AND field = 'phone'") == 1)
        #expect(try desk.count("lead") == 1)
    }

    @Test("create makes a second contact for a duplicate; a same name and company is imported as a possible duplicate")
    func createAndPossibleDuplicate() throws {
        try desk.lead("Jo Buyer", company: "Acme Ltd")
        let path = try csv("Name,Email,Company\nJo Buyer,jobuyer@example.com,ACME\nBUYER Jo,other@example.com,Acme Inc\n")
        let summary = try run(path, ImportOptions(onDuplicate: .create))
        #expect(summary.imported == 2)
        #expect(summary.possibleDuplicates == 2)
        #expect(try desk.count("lead", where: "tags = 'possible-duplicate'") == 2)
    }

    @Test("a dry run reports the same counts and writes nothing")
    func dryRun() throws {
        let path = try csv("Name,Email\nA,a@x.co\nB,a@x.co\nC,bad\n")
        let before = try desk.count("lead")
        let summary = try run(path, ImportOptions(dryRun: true))
        let counts: [Int] = [summary.imported, summary.skipped, summary.rejected]
        #expect(counts == [1, 1, 1])
        #expect(try desk.count("lead") == before)
        #expect(try desk.count("import_run") == 0)
        #expect(try desk.count("notification", where: "kind = 'import_summary'") == 0)
    }

    @Test("owners named in the file get their leads; each owner gets one notification, not one per lead")
    func ownersAndNotifications() throws {
        let path = try csv("Name,Email,Owner\nA,a@x.co,kenji\nB,b@x.co,Kenji Tanaka\nC,c@x.co,maria@example.com\nD,d@x.co,nobody\n")
        let summary = try run(path)
        #expect(summary.perOwner == ["kenji": 2, "maria": 1, "admin": 1], "an unknown owner falls back to whoever imports")
        #expect(try desk.count("notification", where: "kind = 'import_summary' AND user_id = \(desk.otherRep.id!)") == 1)
        #expect(try desk.count("notification", where: "kind = 'import_summary' AND user_id = \(desk.manager.id!)") == 1)
        #expect(try desk.count("notification", where: "kind = 'import_summary'") == 3)
    }

    @Test("assignment rules from the config share a team round-robin and send unmatched leads to the default owner")
    func rulesFromConfig() throws {
        var configuration = DeskConfiguration.standard
        configuration.importing.assignment = AssignmentRules(
            rules: [.init(country: "DE", target: .roundRobin(team: "Sales"))], defaultOwner: "maria")
        let database = try AppDatabase.open(path: desk.temporary.path, configuration: configuration, now: desk.clock.now)
        let path = try csv("Name,Email,Country\nA,a@x.co,DE\nB,b@x.co,DE\nC,c@x.co,DE\nD,d@x.co,FR\n")
        var rejects: [RowProblem] = []
        let summary = try run(path, ImportOptions(), database: database, rejects: &rejects)
        #expect(summary.perOwner == ["maria": 2, "ana": 1, "kenji": 1])
    }

    @Test("a lost Pipedrive deal arrives Lost with its reason and no follow-up; a won one makes its account a customer")
    func pipedriveLost() throws {
        let path = try csv("""
            Person - Name,Person - Email - Work,Organization - Name,Deal - Value,Deal - Currency of value,Deal - Stage,Deal - Status,Deal - Lost reason
            Jo Buyer,jo@buyer.com,Acme,"12,000.50",EUR,Proposal Made,lost,Went with competitor
            """)
        #expect(try run(path).imported == 1)
        let lead = try #require(try desk.database.writer.read { db in try Lead.fetchOne(db, sql: "SELECT * FROM lead") })
        #expect(lead.stage == .lost)
        #expect(lead.lossReason == .wentWithCompetitor)
        #expect(lead.value == Money(minorUnits: 1_200_050, currency: .eur))
        #expect(try desk.count("activity") == 0)
        let won = try csv("Person - Name,Organization - Name,Deal - Stage,Deal - Status\nKim Winner,Winners Ltd,Negotiations Started,won\n")
        #expect(try run(won).imported == 1)
        #expect(try desk.count("account", where: "name = 'Winners Ltd' AND status = 'customer'") == 1)
    }

    @Test("an interrupted run keeps whole batches; re-running the same file with skip resumes and ends with every row once")
    func resume() throws {
        let rows = (1...25).map { "Lead \($0),lead\($0)@x.co" }.joined(separator: "\n")
        let path = try csv("Name,Email\n\(rows)\n")
        let importer = LeadImporter(database: desk.database, user: desk.admin, options: ImportOptions(batchSize: 10))
        let failing = FailingReader(try CSVReader(path: path), failAfter: 23)
        #expect(throws: FailingReader.Interrupted.self) {
            try importer.run(failing, mapping: try importer.mapping(for: failing), file: ImportFingerprint(path: path))
        }
        #expect(try desk.count("lead") == 20)
        #expect(try desk.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT rows_done FROM import_run") } == 20)
        let rerun = try run(path, ImportOptions(batchSize: 10))
        #expect(try desk.count("lead") == 25)
        let counts: [Int] = [rerun.read, rerun.imported, rerun.skipped, rerun.resumedRows]
        #expect(counts == [25, 5, 20, 20])
        #expect(try desk.count("import_run", where: "imported = 25 AND skipped = 0 AND rows_done = 25 AND finished_at IS NOT NULL") == 1)
    }

    @Test("an --owner who is not an active user stops the import before anything is written")
    func unknownForcedOwner() throws {
        let path = try csv("Name,Email\nJo,jo@x.co\n")
        #expect(throws: DomainError.notFound("Active user 'nobody'")) { try run(path, ImportOptions(ownerHandle: "nobody")) }
        #expect(try desk.count("import_run") == 0)
        #expect(try desk.count("lead") == 0)
    }

    @Test("a reminder plan that lists an offset twice still imports, with one reminder per distinct offset")
    func repeatedReminderOffset() throws {
        var configuration = DeskConfiguration.standard
        configuration.reminderPlan = ReminderPlan(offsets: [-3600, -3600, 0])
        let fixture = try DeskFixture(configuration: configuration)
        let path = try csv("Name,Email,Job Title\nJo Buyer,jo@buyer.com,CEO\n")
        var ignored: [RowProblem] = []
        let importer = LeadImporter(database: fixture.database, user: fixture.admin, options: ImportOptions())
        let reader = try ImportFile.open(path: path)
        let summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path), rejected: { ignored.append($0) })
        #expect(summary.imported == 1)
        #expect(try fixture.count("scheduled_job", where: "kind = 'reminder'") == 2)
    }

    @Test("an amount over the largest the desk stores is rejected with the reason; an oversized batch total stops the batch")
    func hugeAmounts() throws {
        let path = try csv("Name,Email,Value\nJo,jo@x.co,50000000000000000\nLee,lee@x.co,100\n")
        var rejects: [RowProblem] = []
        let summary = try run(path, rejects: &rejects)
        #expect(summary.imported == 1)
        #expect(rejects == [RowProblem(row: 2, column: "Value", reason: "'50000000000000000' is over the largest amount the desk stores (10,000,000,000,000.00)")])
        #expect(throws: DomainError.self) {
            try desk.database.writer.write { db in
                var totals = try SuspendedTotalsTrigger(db)
                try totals.add(stage: "open", ownerID: 1, currency: "USD", valueMinor: Int64.max / 2 + 1)
                try totals.add(stage: "open", ownerID: 1, currency: "USD", valueMinor: Int64.max / 2 + 1)
            }
        }
        #expect(try desk.count("sqlite_master", where: "type = 'trigger' AND name = 'pipeline_total_insert'") == 1, "the refused batch's DROP rolled back")
        #expect(try StoreSoundness.problems(in: desk.database).isEmpty)
    }

    @Test("a batch that fails half-way rolls back whole: the trigger is back, the totals exact, the run resumable")
    func failedBatchRollsBack() throws {
        let rows = (1...25).map { $0 == 15 ? "Bad \($0),not-an-email" : "Lead \($0),lead\($0)@x.co" }.joined(separator: "\n")
        let path = try csv("Name,Email\n\(rows)\n")
        struct RejectsFileFull: Error {}
        let importer = LeadImporter(database: desk.database, user: desk.admin, options: ImportOptions(batchSize: 10))
        let reader = try ImportFile.open(path: path)
        #expect(throws: RejectsFileFull.self) {
            try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path), rejected: { _ in throw RejectsFileFull() })
        }
        #expect(try desk.count("lead") == 10)
        #expect(try desk.count("sqlite_master", where: "type = 'trigger' AND name = 'pipeline_total_insert'") == 1)
        #expect(try StoreSoundness.problems(in: desk.database).isEmpty)
        #expect(try desk.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT rows_done FROM import_run") } == 10)
        #expect(try run(path, ImportOptions(batchSize: 10)).imported == 14)
        #expect(try desk.count("lead") == 24)
    }

    @Test("a batch larger than the read-ahead chunk is still one transaction with one audit entry")
    func batchesSpanChunks() throws {
        let rows = (1...(LeadImporter.chunkSize * 2 + 3)).map { "Lead \($0),lead\($0)@x.co" }.joined(separator: "\n")
        let path = try csv("Name,Email\n\(rows)\n")
        let summary = try run(path, ImportOptions(batchSize: LeadImporter.chunkSize + 100))
        #expect(summary.imported == LeadImporter.chunkSize * 2 + 3)
        let entries = try desk.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT after FROM audit_entry WHERE action = 'import_batch' ORDER BY id")
        }
        #expect(entries == [
            "from row 2: \(LeadImporter.chunkSize + 100) imported, 0 merged, 0 skipped, 0 rejected",
            "from row \(LeadImporter.chunkSize + 102): \(LeadImporter.chunkSize - 97) imported, 0 merged, 0 skipped, 0 rejected",
        ])
    }

    @Test("board totals stay exact through a batched import (the per-row trigger is suspended per batch) and count leads made afterwards")
    func boardTotalsAcrossBatches() throws {
        _ = try desk.database.createLead(NewLead(contactName: "Before", email: "before@x.co", ownerID: desk.rep.id!), by: desk.rep)
        let stages = ["Qualified", "Won", "Proposal Sent", "New"]
        let rows = (1...23).map { "Lead \($0),lead\($0)@x.co,\($0 * 100),\($0 % 3 == 0 ? "EUR" : "USD"),\(stages[$0 % stages.count]),ana" }
        let path = try csv("Name,Email,Value,Currency,Lead Status,Lead Owner\n\(rows.joined(separator: "\n"))\n")
        #expect(try run(path, ImportOptions(batchSize: 5)).imported == 23)
        #expect(try StoreSoundness.problems(in: desk.database).isEmpty)
        let eur = try desk.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT SUM(lead_count) AS n, SUM(value_minor) AS v FROM pipeline_total WHERE currency = 'EUR'")
        }
        #expect(eur?["n"] == 7 as Int64?)
        let eurRows: [Int] = (1...23).filter { $0 % 3 == 0 }
        let eurMinor: Int64 = Int64(eurRows.reduce(0, +) * 100 * 100)
        #expect(eur?["v"] == eurMinor)
        #expect(try desk.count("sqlite_master", where: "type = 'trigger' AND name = 'pipeline_total_insert'") == 1)
        _ = try desk.database.createLead(NewLead(contactName: "After", email: "after@x.co", ownerID: desk.rep.id!), by: desk.rep)
        #expect(try StoreSoundness.problems(in: desk.database).isEmpty, "a lead made after the import is counted by the restored trigger")
        #expect(try desk.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT SUM(lead_count) FROM pipeline_total") } == 25)
    }

    @Test("an unterminated quote stops the import at its row: the rows before it are imported and the summary says where it stopped")
    func stoppedEarly() throws {
        let rows = (1...12).map { "Lead \($0),lead\($0)@x.co" }.joined(separator: "\n")
        let path = try csv("Name,Email\n\(rows)\nBroken,\"never closed\nLast,last@x.co\n")
        let summary = try run(path, ImportOptions(batchSize: 5))
        #expect(summary.stoppedEarly == .unterminatedQuote(path: path, row: 14))
        #expect(summary.read == 12)
        #expect(summary.imported == 12)
        #expect(try desk.count("lead") == 12)
        #expect(try desk.count("import_run", where: "finished_at IS NOT NULL AND rows_done = 12") == 1)
    }

    @Test("merging two contacts fills the kept one's empty fields, moves the leads and deletes the duplicate")
    func mergeContacts() throws {
        let kept = try desk.database.createLead(NewLead(contactName: "Jo Buyer", email: "jo@buyer.com", ownerID: desk.rep.id!), by: desk.rep)
        let twin = try desk.database.createLead(NewLead(contactName: "Jo B.", email: "jo.b@other.com", phone: "+1 555 010 2030", jobTitle: "CTO", ownerID: desk.rep.id!), by: desk.rep)
        try desk.database.mergeContacts(keep: kept.contactID, duplicate: twin.contactID, by: desk.rep)
        let detail = try desk.database.leadDetail(twin.id!)
        #expect(detail.contact.id == kept.contactID)
        #expect(detail.contact.email == "jo@buyer.com")
        #expect(detail.contact.phone == "+15550102030")
        #expect(detail.contact.title == "CTO")
        #expect(try desk.count("contact", where: "id = \(twin.contactID)") == 0)
        #expect(try desk.count("audit_entry", where: "record_kind = 'lead' AND action = 'merge_contact'") == 1)
        #expect(throws: DomainError.self) { try desk.database.mergeContacts(keep: kept.contactID, duplicate: kept.contactID, by: desk.rep) }
    }

    @Test("leads exported to CSV import into an empty desk as the same records")
    func exportImportRoundTrip() throws {
        try desk.database.createLead(NewLead(contactName: "Ana \"Quote\" Silva", email: "ana@acme.com", phone: "+49 151 1234567", jobTitle: "CTO",
                                             company: "Acme, Inc", dealTitle: "=Acme pilot", source: .event, ownerID: desk.otherRep.id!,
                                             value: Money(minorUnits: 1_234_550, currency: .eur), tags: ["vip", "q4"]), by: desk.manager)
        let lost = try desk.lead("Lee Lost", company: "Beta")
        try desk.database.moveLead(lost.id!, to: .lost, reason: .other("Champion left"), by: desk.rep)
        var text = ""
        let writer = CSVWriter { text += $0 }
        let query = ExportQuery(kind: .leads)
        try writer.row(query.headers)
        try desk.database.export(query) { try writer.row($0) }
        let path = try csv(text)

        let other = try DeskFixture()
        let importer = LeadImporter(database: other.database, user: other.admin, options: ImportOptions())
        let reader = try ImportFile.open(path: path)
        let summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path))
        #expect(summary.imported == 2)
        var again = ""
        let rewriter = CSVWriter { again += $0 }
        try other.database.export(query) { try rewriter.row(Array($0.dropFirst().dropLast(2))) }
        var original = ""
        let originalWriter = CSVWriter { original += $0 }
        try desk.database.export(query) { try originalWriter.row(Array($0.dropFirst().dropLast(2))) }
        #expect(again == original)
        #expect(original.contains("'=Acme pilot"))
    }
}

/// A real reader that stops with an error after some rows, as a crash would.
final class FailingReader: ImportRowReader {
    struct Interrupted: Error {}
    private let reader: any ImportRowReader
    private let failAfter: Int
    private var delivered = 0

    init(_ reader: any ImportRowReader, failAfter: Int) {
        self.reader = reader
        self.failAfter = failAfter
    }

    var headers: [String] { reader.headers }
    var blankRows: Int { reader.blankRows }
    var fractionRead: Double { reader.fractionRead }

    func next() throws -> RawImportRow? {
        guard delivered < failAfter else { throw Interrupted() }
        delivered += 1
        return try reader.next()
    }
}
