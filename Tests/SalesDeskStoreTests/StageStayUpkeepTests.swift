import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// `report_stage_stay` and `report_stay_sum` after every kind of write equal a recomputation from the stage history.
/// (``AppDatabase/reportSummaryDrift()`` checks them too, so the other summaries' upkeep tests — contact merges,
/// edits — cover them as well.)
@Suite("Stage stay summaries kept by every write")
struct StageStayUpkeepTests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    private func stays(_ lead: Int64) throws -> [Row] {
        try desk.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT stage, seconds, owner_id FROM report_stage_stay WHERE lead_id = ? ORDER BY change_id", arguments: [lead])
        }
    }

    private func expectExact(_ comment: Comment) throws {
        #expect(try desk.database.writer.read { db in try StageStaySchema.drift(db) } == [], comment)
    }

    @Test("each move on the desk adds the stay it ends, with its seconds, and the histogram sums it per hour, day and month")
    func moves() throws {
        let lead = try desk.lead()
        desk.clock.advance(by: 3_600)
        _ = try desk.database.advanceLead(lead.id!, by: desk.rep)
        desk.clock.advance(by: 2 * 86_400)
        _ = try desk.database.moveLead(lead.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        let rows = try stays(lead.id!)
        #expect(rows.map { $0["seconds"] as Int64 } == [3_600, 2 * 86_400])
        #expect(rows.first?["stage"] == StageKey.open.rawValue)
        #expect(try desk.count("report_stay_sum") == 6, "two stays in three levels each")
        try expectExact("after moving a lead twice")
        desk.clock.advance(by: 60)
        _ = try desk.database.moveLead(lead.id!, to: .negotiation, by: desk.manager)
        #expect(try stays(lead.id!).last?["stage"] == StageKey.lost.rawValue, "reopening ends the stay in Lost")
        try expectExact("after reopening")
    }

    @Test("giving a lead to another owner moves its stays to them")
    func ownerChange() throws {
        let lead = try desk.lead()
        _ = try desk.database.advanceLead(lead.id!, by: desk.rep)
        _ = try desk.database.assignLead(lead.id!, to: desk.otherRep.id!, by: desk.manager)
        #expect(try stays(lead.id!).map { $0["owner_id"] as Int64 } == [desk.otherRep.id!])
        #expect(try desk.count("report_stay_sum", where: "owner_id = \(desk.rep.id!)") == 0)
        try expectExact("after reassigning")
    }

    @Test("removing a stage change re-measures the stays after it, and deleting the lead removes its stays")
    func deletions() throws {
        let lead = try desk.lead()
        desk.clock.advance(by: 600)
        _ = try desk.database.advanceLead(lead.id!, by: desk.rep)
        desk.clock.advance(by: 600)
        _ = try desk.database.advanceLead(lead.id!, by: desk.rep)
        try desk.database.writer.write { db in
            try db.execute(sql: "DELETE FROM lead_stage_change WHERE id = (SELECT MIN(id) FROM lead_stage_change WHERE lead_id = ? AND from_stage IS NOT NULL)",
                           arguments: [lead.id!])
        }
        #expect(try stays(lead.id!).map { $0["seconds"] as Int64 } == [1_200], "the last stay is measured from the stage change before it")
        try expectExact("after removing a stage change")
        try desk.database.writer.write { db in try db.execute(sql: "DELETE FROM lead WHERE id = ?", arguments: [lead.id!]) }
        #expect(try desk.count("report_stage_stay") == 0 && desk.count("report_stay_sum") == 0)
        try expectExact("after deleting the lead")
    }

    @Test("importing won and lost deals keeps the stays exact")
    func importBatches() throws {
        _ = try desk.database.advanceLead(try desk.lead().id!, by: desk.rep)
        let summary = try desk.importDeals("""
            Person - Name,Organization - Name,Deal - Value,Deal - Currency of value,Deal - Stage,Deal - Status,Deal - Lost reason
            Jo Buyer,Acme,"12,000.50",EUR,Proposal Made,lost,Went with competitor
            Kim Winner,Winners Ltd,"99.99",USD,Negotiations Started,won,

            """)
        #expect(summary.imported == 2)
        try expectExact("after an import")
    }
}
