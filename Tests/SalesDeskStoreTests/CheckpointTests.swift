import Foundation
import GRDB
@testable import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Copying the write-ahead log when the desk is idle")
struct CheckpointTests {
    @Test("deferred, writes leave the log to the idle checkpoint, which copies all of it")
    func idleCheckpointCopiesTheLog() throws {
        let desk = try DeskFixture()
        try desk.database.deferCheckpoints()
        let limit = try desk.database.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(limit == AppDatabase.deferredCheckpointPages)
        for index in 0..<20 { try desk.lead("Buyer \(index)") }
        let (logged, copied) = try desk.database.checkpoint()
        #expect(logged > 0, "the writes went through the log")
        #expect(copied == logged, "and all of it is in the database")
    }
}
