import Foundation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Weekly forecast snapshot")
struct ForecastSnapshotTests {
    @Test("two schedulers passing all week take the week's forecast snapshot exactly once")
    func onceWithTwoSchedulers() throws {
        let harness = try SchedulerHarness()
        try harness.desk.lead("Jo Buyer")
        try harness.desk.lead("Sam Seller")
        let other = try AppDatabase.open(path: harness.desk.temporary.path, now: harness.clock.now)
        let engines = [harness.engine, SchedulerEngine(database: other, claimer: "second-engine", now: harness.clock.now, logger: .silent)]
        for step in 0..<(7 * 24) {
            harness.clock.set(utc(2026, 11, 23, 10).addingTimeInterval(TimeInterval(step * 3_600)))
            DispatchQueue.concurrentPerform(iterations: 2) { index in _ = try? engines[index].runPass() }
        }
        let weeks = try harness.database.forecastSnapshotWeeks()
        // Monday 23 November 10:00 to Monday 30 November 09:00: the week of the 23rd, then the week of the 30th.
        #expect(weeks.map(\.weekStart) == [utc(2026, 11, 30), utc(2026, 11, 23)])
        #expect(weeks.map(\.deals) == [2, 2])
        #expect(try harness.desk.count("forecast_snapshot") == 4)
    }

    @Test("a scheduler down all week takes one snapshot when it comes back, not one per missed pass")
    func caughtUpAsOne() throws {
        let harness = try SchedulerHarness()
        try harness.desk.lead("Jo Buyer")
        try harness.pass(at: utc(2026, 11, 25, 12))
        try harness.pass(at: utc(2026, 11, 25, 12, 5))
        #expect(try harness.database.forecastSnapshotWeeks().count == 1)
    }

    @Test("what moved since Monday: a deal put in Commit, one that slipped, one whose value changed, one won")
    func movesSinceMonday() throws {
        let harness = try SchedulerHarness()
        let desk = harness.desk
        let committed = try desk.lead("Into Commit")
        let slipping = try desk.lead("Slipping")
        let grown = try desk.lead("Grown")
        let won = try desk.lead("Won Soon")
        let steady = try desk.lead("Steady")
        for lead in [committed, slipping, grown, won, steady] {
            try desk.database.updateLead(lead.id!, LeadChanges(expectedCloseDate: utc(2026, 12, 10)), by: desk.rep)
        }
        try harness.pass(at: utc(2026, 11, 23, 10))
        desk.clock.set(utc(2026, 11, 25, 9))
        try desk.database.setForecastCategory(committed.id!, .commit, by: desk.rep)
        try desk.database.updateLead(slipping.id!, LeadChanges(expectedCloseDate: utc(2027, 1, 20)), by: desk.rep)
        try desk.database.updateLead(grown.id!, LeadChanges(value: Money(minorUnits: 2_000_000, currency: .usd)), by: desk.rep)
        try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        let scope = try desk.database.reportScope(for: desk.rep)
        let moves = try desk.database.forecastMoves(since: utc(2026, 11, 23), scope: scope)
        #expect(moves.count == 4)
        #expect(moves.first { $0.leadID == committed.id }?.kinds == [.intoCommit])
        #expect(moves.first { $0.leadID == slipping.id }?.kinds == [.slipped])
        #expect(moves.first { $0.leadID == grown.id }?.kinds == [.valueChanged])
        #expect(moves.first { $0.leadID == won.id }?.kinds == [.won])
    }
}
