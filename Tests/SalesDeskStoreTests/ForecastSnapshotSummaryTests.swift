import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// `forecast_snapshot_sum` and `forecast_moved_lead` against a comparison of every deal of the snapshot: after the
/// snapshot is taken, after every kind of lead write, for an older snapshot, on a generated set, and after the
/// migration's backfill of a file that already had a snapshot.
@Suite("Forecast snapshot sums and moves kept by every write")
struct ForecastSnapshotSummaryTests {
    let desk: DeskFixture
    let quarter: ReportRequest

    init() throws {
        desk = try DeskFixture()
        quarter = ReportRequest(period: ReportPeriod.containing(desk.clock.date, .quarter, timeZone: TimeZone(identifier: "UTC")!))
    }

    private var monday: Date { ReportPeriod.containing(desk.clock.date, .week, timeZone: TimeZone(identifier: "UTC")!).start }

    /// Both scopes: the whole company (the admin) and the team (its manager).
    private func scopes() throws -> [ReportScope] {
        [try desk.database.reportScope(for: desk.admin), try desk.database.reportScope(for: desk.manager)]
    }

    /// The summaries equal their recomputation, and the moves and accuracy groups read from them equal the ones
    /// from every snapshot row, in both scopes.
    private func expectExact(since week: Date? = nil, _ comment: Comment) throws {
        #expect(try desk.database.reportSummaryDrift() == [], comment)
        for scope in try scopes() {
            let week = week ?? monday
            #expect(try desk.database.forecastMoves(since: week, scope: scope) == desk.database.forecastMovesFromScratch(since: week, scope: scope), comment)
            let summed = try desk.database.forecastSnapshotGroups(quarter, scope: scope).map { "\($0)" }.sorted()
            #expect(try summed == desk.database.forecastSnapshotGroupsFromScratch(quarter, scope: scope).map { "\($0)" }.sorted(), comment)
        }
    }

    private func deal(_ name: String, value: Int64, closing: Date, owner: User? = nil) throws -> Lead {
        let lead = try desk.lead(name, company: "\(name) Ltd", value: value, owner: owner)
        return try desk.database.updateLead(lead.id!, LeadChanges(expectedCloseDate: closing), by: owner ?? desk.rep)
    }

    @Test("the weekly snapshot is summed per close date, owner, stage and category when it is taken")
    func snapshotSums() throws {
        _ = try deal("Pat Proposal", value: 1_000_050, closing: utc(2026, 12, 10))
        _ = try deal("Cam Commit", value: 400_000, closing: utc(2026, 12, 10))
        _ = try deal("Kai Other", value: 70_001, closing: utc(2026, 12, 20), owner: desk.otherRep)
        _ = try desk.lead("No Date", company: "Undated Ltd", value: 5_000)
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        #expect(try desk.count("forecast_snapshot_sum") == 3, "two remainders on 10 December, one deal of another rep; the undated deal is left out")
        #expect(try desk.count("forecast_moved_lead") == 0, "nothing moved yet")
        try expectExact("right after the snapshot")
        let groups = try desk.database.forecastSnapshotGroups(quarter, scope: desk.database.reportScope(for: desk.admin))
        #expect(groups.reduce(0) { $0 + $1.pipeline.deals } == 3)
        #expect(groups.reduce(0) { $0 + $1.pipeline.valueMinor } == 1_470_051)
    }

    @Test("every kind of desk write after the snapshot files the deal as moved, and the moves equal a comparison of every deal")
    func deskWrites() throws {
        let moved = try deal("Mo Mover", value: 100_000, closing: utc(2026, 12, 1))
        let committed = try deal("Cy Commit", value: 200_000, closing: utc(2026, 12, 2))
        let slipped = try deal("Sly Slip", value: 300_000, closing: utc(2026, 12, 3))
        let revalued = try deal("Val Value", value: 400_000, closing: utc(2026, 12, 4))
        let reverted = try deal("Rev Back", value: 500_000, closing: utc(2026, 12, 5))
        let reassigned = try deal("Asa Sign", value: 600_000, closing: utc(2026, 12, 6))
        let lost = try deal("Lo Lost", value: 700_000, closing: utc(2026, 12, 7))
        let untouched = try deal("Una Touched", value: 800_000, closing: utc(2026, 12, 8))
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveLead(moved.id!, to: .won, by: desk.rep)
        _ = try desk.database.setForecastCategory(committed.id!, .commit, by: desk.rep)
        _ = try desk.database.updateLead(slipped.id!, LeadChanges(expectedCloseDate: utc(2027, 1, 15)), by: desk.rep)
        _ = try desk.database.updateLead(revalued.id!, LeadChanges(value: Money(minorUnits: 450_000, currency: .usd)), by: desk.rep)
        _ = try desk.database.updateLead(reverted.id!, LeadChanges(value: Money(minorUnits: 1, currency: .usd)), by: desk.rep)
        _ = try desk.database.updateLead(reverted.id!, LeadChanges(value: Money(minorUnits: 500_000, currency: .usd)), by: desk.rep)
        _ = try desk.database.assignLead(reassigned.id!, to: desk.otherRep.id!, by: desk.manager)
        _ = try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        try expectExact("after the desk's writes")

        let moves = try desk.database.forecastMoves(since: monday, scope: desk.database.reportScope(for: desk.admin))
        #expect(moves.map(\.leadID) == [moved, committed, slipped, revalued, lost].map(\.id!))
        #expect(moves.map(\.kinds) == [[.won], [.intoCommit], [.slipped], [.valueChanged], [.lost]])
        let filed = Set(try desk.database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT lead_id FROM forecast_moved_lead") })
        #expect(filed.contains(reverted.id!), "a change written back is still a candidate; comparing it with the snapshot drops it")
        #expect(!filed.contains(untouched.id!) && !filed.contains(reassigned.id!), "a new owner alone is no move")
    }

    @Test("a deal changed by any other path, such as a plain SQL update, is filed too")
    func otherWritePaths() throws {
        let lead = try deal("Sid Sql", value: 100_000, closing: utc(2026, 12, 1))
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        try desk.database.writer.write { db in
            try db.execute(sql: "UPDATE lead SET currency = 'EUR' WHERE id = ?", arguments: [lead.id!])
        }
        #expect(try desk.count("forecast_moved_lead", where: "lead_id = \(lead.id!)") == 1)
        try expectExact("after a currency change in SQL")
    }

    @Test("the moves since an older snapshot include the deals changed before the newer one was taken")
    func olderSnapshot() throws {
        let early = try deal("Ed Early", value: 100_000, closing: utc(2026, 12, 1))
        let late = try deal("Lu Late", value: 200_000, closing: utc(2026, 12, 2))
        let firstMonday = monday
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        desk.clock.advance(by: 3_600)
        _ = try desk.database.updateLead(early.id!, LeadChanges(value: Money(minorUnits: 150_000, currency: .usd)), by: desk.rep)
        desk.clock.advance(by: 7 * 86_400)
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveLead(late.id!, to: .won, by: desk.rep)
        try expectExact(since: firstMonday, "since the first snapshot")
        try expectExact("since the second snapshot")
        let admin = try desk.database.reportScope(for: desk.admin)
        #expect(try desk.database.forecastMoves(since: firstMonday, scope: admin).map(\.leadID) == [early.id!, late.id!])
        #expect(try desk.database.forecastMoves(since: monday, scope: admin).map(\.leadID) == [late.id!])
    }

    @Test("on a generated set of 300 deals and 600 random writes the summed figures equal the ones from every row")
    func generatedSet() throws {
        var random = SplitMix(seed: 15)
        let owners = [desk.rep, desk.otherRep, desk.manager]
        var leads: [Lead] = []
        for index in 0..<300 {
            let closing = utc(2026, 10 + Int(random.next() % 4), 1 + Int(random.next() % 28))
            leads.append(try deal("Gen \(index)", value: Int64(random.next() % 5_000_000), closing: closing, owner: owners[Int(random.next() % 3)]))
        }
        var advances: [Int64: Int] = [:], closed: Set<Int64> = []
        for lead in leads.prefix(150) {
            _ = try desk.database.advanceLead(lead.id!, by: desk.manager)
            advances[lead.id!] = 1
        }
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        let categories: [ForecastCategory] = [.pipeline, .bestCase, .commit]
        for _ in 0..<600 {
            desk.clock.advance(by: 60)
            let id = leads[Int(random.next() % 300)].id!
            guard !closed.contains(id) else { continue }
            switch random.next() % 6 {
            case 0:
                _ = try desk.database.moveLead(id, to: .won, by: desk.manager)
                closed.insert(id)
            case 1:
                _ = try desk.database.moveLead(id, to: .lost, reason: .budgetConstraints, by: desk.manager)
                closed.insert(id)
            case 2: _ = try desk.database.setForecastCategory(id, categories[Int(random.next() % 3)], by: desk.manager)
            case 3: _ = try desk.database.updateLead(id, LeadChanges(expectedCloseDate: utc(2026, 12, 1 + Int(random.next() % 60))), by: desk.manager)
            case 4: _ = try desk.database.updateLead(id, LeadChanges(value: Money(minorUnits: Int64(random.next() % 5_000_000), currency: .usd)), by: desk.manager)
            default:
                guard advances[id, default: 0] < 3 else { continue }
                _ = try desk.database.advanceLead(id, by: desk.manager)
                advances[id, default: 0] += 1
            }
        }
        try expectExact("after 600 random writes")
        #expect(try desk.database.forecastMoves(since: monday, scope: desk.database.reportScope(for: desk.admin)).count > 100)
    }

    @Test("the value won before the snapshot, summed by hour up to it and from the rows in its last hour, equals the sum of every won deal then")
    func wonBeforeSnapshot() throws {
        desk.clock.set(utc(2026, 11, 1, 9))
        for (index, hours) in [0.0, 30, 200, 250, 49, 0.1].enumerated() {
            desk.clock.advance(by: hours * 3_600)  // the last two in the hour the snapshot is taken
            let lead = try desk.lead("Win \(index)", company: "Win \(index) Ltd", value: Int64(100_000 + index * 1_001), owner: index % 2 == 0 ? desk.rep : desk.otherRep)
            _ = try desk.database.moveLead(lead.id!, to: .won, by: desk.manager)
        }
        desk.clock.set(utc(2026, 11, 23, 10, 17))
        _ = try deal("Still Open", value: 5_000, closing: utc(2026, 12, 1))
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        desk.clock.advance(by: 600)
        _ = try desk.database.moveLead(try desk.lead("After", company: "After Ltd", value: 7_000).id!, to: .won, by: desk.rep)
        let taken = utc(2026, 11, 23, 10, 17).epochSeconds
        for scope in try scopes() {
            let won = try desk.database.wonValueAtSnapshots([monday], quarter, scope: scope, currency: .usd)
            let rows = try desk.database.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT SUM(value_minor) FROM report_closed_deal WHERE won AND closed_at >= ? AND closed_at < ?",
                                   arguments: [quarter.period.start.epochSeconds, taken])
            }
            #expect(won[monday] == rows)
            #expect(rows == Int64(615_015), "all six deals won before the snapshot, not the one after")
        }
    }

    @Test("the migration sums a file's existing snapshots and files the deals that moved since, equal to every row")
    func backfill() throws {
        let kept = try deal("Kip Kept", value: 100_000, closing: utc(2026, 12, 1))
        let changed = try deal("Cha Changed", value: 200_000, closing: utc(2026, 12, 2))
        let overridden = try deal("Ova Ride", value: 300_000, closing: utc(2026, 12, 3))
        #expect(try desk.database.takeWeeklyForecastSnapshot(at: desk.clock.date, by: "test"))
        // The file as it was before the migration: a snapshot, no sums, no trigger; then deals change.
        try desk.database.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER forecast_moved_lead_update; DROP TABLE forecast_moved_lead; DROP TABLE forecast_snapshot_sum;
                UPDATE lead SET stage = 'won' WHERE id = \(changed.id!);
                UPDATE lead SET forecast_category = 'commit' WHERE id = \(overridden.id!);
                """)
        }
        try desk.database.writer.write { db in try SnapshotSummarySchema.create(db) }
        try expectExact("after the backfill")
        let moves = try desk.database.forecastMoves(since: monday, scope: desk.database.reportScope(for: desk.admin))
        #expect(moves.map(\.leadID) == [changed.id!, overridden.id!])
        #expect(!moves.map(\.leadID).contains(kept.id!))
    }
}

/// A small seeded generator, so the generated set is the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BE_B31B_133D
        return z ^ (z >> 31)
    }
}
