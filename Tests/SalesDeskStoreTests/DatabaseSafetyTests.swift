import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Database safety: sharing, corruption, write transactions")
struct DatabaseSafetyTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("with database_group set, a new file is 0660 in a setgid 2770 folder, all owned by the team's group")
    func teamGroup() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let probe = base.appendingPathComponent("probe").path
        FileManager.default.createFile(atPath: probe, contents: nil)
        let group = try #require(try FileManager.default.attributesOfItem(atPath: probe)[.groupOwnerAccountName] as? String)
        let path = base.appendingPathComponent("team/desk.sqlite").path
        var configuration = DeskConfiguration.standard
        configuration.databaseGroup = group
        _ = try AppDatabase.open(path: path, configuration: configuration)
        let file = try FileManager.default.attributesOfItem(atPath: path)
        let directory = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect(file[.posixPermissions] as? Int == 0o660)
        #expect(directory[.posixPermissions] as? Int == 0o2770, "setgid: files SQLite creates there (-wal, -shm) join the group")
        #expect((file[.groupOwnerAccountID] as? NSNumber)?.uint32Value == getgid())
    }

    @Test("an unknown database_group is refused before any file is made")
    func unknownGroup() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        var configuration = DeskConfiguration.standard
        configuration.databaseGroup = "no-such-group-here"
        let path = base.appendingPathComponent("desk.sqlite").path
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path, configuration: configuration) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a truncated database gives a clear error, not a crash", arguments: [100, 4096 + 100, 20_000])
    func truncatedFile(keepBytes: Int) throws {
        let temporary = try TemporaryDatabase()
        let desk = try DeskFixture()
        for index in 0..<40 { try desk.lead("Buyer \(index)") }
        try desk.database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let data = try Data(contentsOf: URL(fileURLWithPath: desk.temporary.path))
        let path = temporary.directory.appendingPathComponent("cut.sqlite").path
        try data.prefix(keepBytes).write(to: URL(fileURLWithPath: path))
        do {
            let database = try AppDatabase.open(path: path)
            let problems = try database.integrityProblems()
            #expect(!problems.isEmpty, "a database cut to \(keepBytes) bytes should not check clean")
        } catch let error as StoreError {
            #expect(error.description.contains("cut.sqlite"))
        } catch let error as DatabaseError {
            #expect([.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode), "\(error)")
        }
    }

    @Test("named writes take the write lock at BEGIN (IMMEDIATE), so reading the chain's last hash is safe")
    func immediateTransactions() throws {
        let desk = try DeskFixture()
        let traced = TraceLog()
        // The trace hook stays on the pool's single writer connection for the writes that follow.
        try desk.database.writer.writeWithoutTransaction { db in db.trace { traced.append($0.expandedDescription) } }
        try desk.lead()
        #expect(traced.lines.first == "BEGIN IMMEDIATE TRANSACTION", "\(traced.lines.prefix(3))")
        #expect(traced.lines.contains("COMMIT TRANSACTION"))
    }
}

/// Statements seen by a trace hook.
private final class TraceLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    var lines: [String] { lock.withLock { seen } }
    func append(_ line: String) { lock.withLock { seen.append(line) } }
}
