import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("The database file")
struct DatabaseFileTests {
    @Test("migrating an empty file works, re-opening is a no-op, and the file is private")
    func migrateEmptyFile() throws {
        let temporary = try TemporaryDatabase()
        let migrations = try temporary.database.appliedMigrations()
        #expect(migrations.count >= 3)
        let reopened = try AppDatabase.open(path: temporary.path)
        #expect(try reopened.appliedMigrations() == migrations)
        #expect(try reopened.integrityProblems().isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: temporary.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("a file written by a newer desk is refused with a clear message")
    func newerSchemaRefused() throws {
        let temporary = try TemporaryDatabase()
        try temporary.database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        #expect(throws: StoreError.schemaNewerThanBinary(path: temporary.path, unknownMigrations: ["v99: from the future"])) {
            try AppDatabase.open(path: temporary.path)
        }
    }

    @Test("a file that is not a database gives a clear error, not a crash")
    func notADatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AppDatabase.open(path: path)
            Issue.record("expected an error")
        } catch let error as StoreError {
            #expect(error.description.contains("is not a usable Sales Desk database"))
        }
    }

    @Test("the database path follows --db, then SALESDESK_DB, then XDG_DATA_HOME")
    func defaultPath() {
        #expect(AppDatabase.defaultPath(environment: ["SALESDESK_DB": "/x/y.sqlite", "XDG_DATA_HOME": "/d"]) == "/x/y.sqlite")
        #expect(AppDatabase.defaultPath(environment: ["XDG_DATA_HOME": "/d"]) == "/d/salesdesk/desk.sqlite")
        #expect(AppDatabase.defaultPath(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/share/salesdesk/desk.sqlite")
    }

    @Test("two pools on one file write at once and both succeed")
    func twoWritersOneFile() async throws {
        let desk = try DeskFixture()
        let second = try AppDatabase.open(path: desk.temporary.path, now: desk.clock.now)
        let rep = desk.rep
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, database) in [desk.database, second].enumerated() {
                group.addTask {
                    for item in 0..<100 {
                        try database.createLead(NewLead(contactName: "W\(index)-\(item)", ownerID: rep.id!), by: rep)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try desk.count("lead") == 200)
    }

    @Test("the change monitor sees commits made through another connection")
    func changeMonitor() throws {
        let desk = try DeskFixture()
        let monitor = try ChangeMonitor(path: desk.temporary.path)
        #expect(try monitor.hasChanged() == false)
        let other = try AppDatabase.open(path: desk.temporary.path, now: desk.clock.now)
        try other.createLead(NewLead(contactName: "From elsewhere", ownerID: desk.rep.id!), by: desk.rep)
        #expect(try monitor.hasChanged() == true)
        #expect(try monitor.hasChanged() == false)
    }

    @Test("the demo generator is deterministic and fills every stage, status and agenda section")
    func demoData() throws {
        let first = try TemporaryDatabase()
        let second = try TemporaryDatabase()
        for temporary in [first, second] {
            try DemoDataGenerator(size: .small, seed: 7, now: temporary.clock.date).generate(into: temporary.database)
        }
        let summary = "SELECT group_concat(id || stage || value_minor || owner_id, ',') FROM (SELECT * FROM lead ORDER BY id LIMIT 200)"
        let a = try first.database.writer.read { db in try String.fetchOne(db, sql: summary) }
        let b = try second.database.writer.read { db in try String.fetchOne(db, sql: summary) }
        #expect(a == b)
        let stages = try first.database.writer.read { db in try String.fetchSet(db, sql: "SELECT DISTINCT stage FROM lead") }
        #expect(stages == Set(Pipeline.standard.allKeys.map(\.rawValue)))
        let statuses = try first.database.writer.read { db in try String.fetchSet(db, sql: "SELECT DISTINCT status FROM ticket") }
        #expect(statuses == Set(TicketStatus.allCases.map(\.rawValue)))
        let ana = try #require(try first.database.user(handle: DemoDataGenerator.sampleRepHandle))
        let agenda = try first.database.agenda(for: ana, at: first.clock.date)
        for section in agenda.sections where section.section != .thisWeek {
            #expect(section.count > 0, "\(section.section) is empty")
        }
        #expect(try first.database.integrityProblems().isEmpty)
        #expect(try first.database.search("ana").isEmpty == false)
    }
}
