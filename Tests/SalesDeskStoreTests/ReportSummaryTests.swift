import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// The report summaries (`report_closed_deal`, `report_closed_sum`, `report_open_sum`) after every kind of write equal a
/// recomputation from the leads and their history.
@Suite("Report summaries kept by every write")
struct ReportSummaryUpkeepTests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    private func expectExact(_ comment: Comment) throws {
        #expect(try desk.database.reportSummaryDrift() == [], comment)
        #expect(try desk.count("report_open_sum") > 0 || desk.count("lead", where: "stage NOT IN ('won', 'lost')") == 0)
    }

    @Test("creating leads adds them to the open pipeline summary")
    func creation() throws {
        _ = try desk.lead(value: 1_000_050)
        _ = try desk.lead("Kim Other", company: "Other Ltd", value: 333)
        #expect(try desk.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT SUM(deals) FROM report_open_sum") } == 2)
        try expectExact("after creating leads")
    }

    @Test("moves on the desk into Won, into Lost, and back out of Lost keep the closed-deal summaries exact")
    func moves() throws {
        let won = try desk.lead(value: 500_001)
        let lost = try desk.lead("Kim Other", company: "Other Ltd")
        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        _ = try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        #expect(try desk.count("report_closed_deal") == 2)
        try expectExact("after winning and losing")
        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveLead(lost.id!, to: .negotiation, by: desk.manager)
        #expect(try desk.count("report_closed_deal") == 1)
        #expect(try desk.count("report_closed_sum", where: "dimension = 'reason'") == 0, "the reopened deal's loss reason is summed out")
        try expectExact("after reopening a lost deal")
        _ = try desk.database.advanceLead(lost.id!, by: desk.rep)
        try expectExact("after advancing a lead one stage")
    }

    @Test("editing value, currency and expected close date moves the deal's sums")
    func edits() throws {
        let lead = try desk.lead()
        _ = try desk.database.updateLead(lead.id!, LeadChanges(value: Money(minorUnits: 123_456, currency: .eur), expectedCloseDate: utc(2026, 12, 15)), by: desk.rep)
        try expectExact("after editing an open deal")
        _ = try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)
        _ = try desk.database.updateLead(lead.id!, LeadChanges(value: Money(minorUnits: 99, currency: .usd)), by: desk.manager)
        #expect(try desk.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT value_minor FROM report_closed_deal") } == 99)
        try expectExact("after editing a won deal")
    }

    @Test("giving a lead to another owner moves its open and closed sums to them")
    func ownerChange() throws {
        let open = try desk.lead()
        let won = try desk.lead("Kim Other", company: "Other Ltd")
        _ = try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        _ = try desk.database.assignLead(open.id!, to: desk.otherRep.id!, by: desk.manager)
        _ = try desk.database.assignLead(won.id!, to: desk.otherRep.id!, by: desk.manager)
        #expect(try desk.count("report_closed_sum", where: "owner_id = \(desk.rep.id!)") == 0)
        try expectExact("after reassigning")
    }

    @Test("the owner's forecast category is summed under the category they chose")
    func forecastCategory() throws {
        let lead = try desk.lead()
        _ = try desk.database.setForecastCategory(lead.id!, .commit, by: desk.rep)
        #expect(try desk.count("report_open_sum", where: "category = 'commit'") == 1)
        try expectExact("after choosing a category")
    }

    @Test("merging two contacts keeps the summaries exact")
    func contactMerge() throws {
        let keep = try desk.lead()
        let duplicate = try desk.lead("Jo B", company: "Acme Ltd")
        _ = try desk.database.moveLead(duplicate.id!, to: .lost, reason: .timingNotRight, by: desk.rep)
        try desk.database.mergeContacts(keep: keep.contactID, duplicate: duplicate.contactID, by: desk.admin)
        try expectExact("after merging contacts")
    }

    @Test("an import of open, won and lost deals adds them to the summaries, batch by batch")
    func importBatches() throws {
        let summary = try desk.importDeals("""
            Person - Name,Organization - Name,Deal - Value,Deal - Currency of value,Deal - Stage,Deal - Status,Deal - Lost reason
            Jo Buyer,Acme,"12,000.50",EUR,Proposal Made,lost,Went with competitor
            Kim Winner,Winners Ltd,"99.99",USD,Negotiations Started,won,
            Ola Open,Open AS,"10.01",USD,Proposal Made,open,
            Per Open,Open AS 2,"7",USD,Qualified,open,

            """)
        #expect(summary.imported == 4)
        #expect(try desk.count("report_closed_deal") == 2)
        #expect(try desk.count("sqlite_master", where: "type = 'trigger' AND name = '\(ReportSummarySchema.openInsertTrigger)'") == 1,
                "the import restores the trigger it suspended")
        try expectExact("after an import")
    }

    @Test("a lead deleted with its contact leaves the summaries")
    func deletion() throws {
        let lead = try desk.lead()
        _ = try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)
        try desk.database.writer.write { db in try db.execute(sql: "DELETE FROM lead WHERE id = ?", arguments: [lead.id!]) }
        #expect(try desk.count("report_closed_deal") == 0)
        #expect(try desk.count("report_closed_sum") == 0)
        try expectExact("after deleting a lead")
    }
}

@Suite("Reading a period from the summary buckets")
struct SummaryBucketTests {
    /// Every hour a set of pieces counts, with its net sign.
    private func hours(_ pieces: [SummaryBuckets.Piece]) -> [Int64: Int64] {
        var counted: [Int64: Int64] = [:]
        for piece in pieces {
            for bucket in piece.lower..<piece.upper {
                let start = piece.level.start(of: bucket)
                let end = piece.level.start(of: bucket + 1)
                for hour in stride(from: start, to: end, by: 3_600) { counted[hour / 3_600, default: 0] += piece.sign }
            }
        }
        return counted.filter { $0.value != 0 }
    }

    @Test("a quarter cut in Berlin time is three UTC months with an hour added at the start and taken away at the end")
    func berlinQuarter() throws {
        let quarter = ReportPeriod.containing(utc(2026, 11, 23), .quarter, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let pieces = try #require(SummaryBuckets.pieces(from: quarter.start.epochSeconds, to: quarter.end.epochSeconds))
        #expect(pieces.count == 3)
        #expect(pieces.filter { $0.level == .month }.map { $0.upper - $0.lower } == [3])
        let covered = hours(pieces)
        #expect(covered.count == Int((quarter.end.epochSeconds - quarter.start.epochSeconds) / 3_600))
        #expect(covered.values.allSatisfy { $0 == 1 })
        #expect(covered.keys.min() == quarter.start.epochSeconds / 3_600)
    }

    @Test("any whole-hour range is covered exactly once, whatever its length and position")
    func anyRange() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let start = Int64.random(in: 480_000...500_000, using: &random) * 3_600
            let end = start + Int64.random(in: 0...3_000, using: &random) * 3_600
            let pieces = try #require(SummaryBuckets.pieces(from: start, to: end))
            let covered = hours(pieces)
            #expect(covered.count == Int((end - start) / 3_600) && covered.values.allSatisfy { $0 == 1 })
            #expect(covered.keys.allSatisfy { $0 >= start / 3_600 && $0 < end / 3_600 })
        }
    }

    @Test("a period cut at half past the hour (India) is not read from the summaries")
    func halfHourZone() {
        let month = ReportPeriod.containing(utc(2026, 11, 23), .month, timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(SummaryBuckets.pieces(from: month.start.epochSeconds, to: month.end.epochSeconds) == nil)
    }
}
