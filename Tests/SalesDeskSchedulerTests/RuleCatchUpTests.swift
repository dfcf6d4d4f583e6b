import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Time rules after downtime")
struct RuleCatchUpTests {
    static func rule(catchUp: String?) -> String {
        """
        rule "Two quiet hours"
        \(catchUp.map { "catch up \($0)\n" } ?? "")when lead has been in its stage for 2 hours
        then notify owner "Quiet: {lead.name}"
        """
    }

    func harness(catchUp: String?) throws -> SchedulerHarness {
        let harness = try SchedulerHarness()   // Monday 10:00
        let rule = try harness.database.addRule(text: Self.rule(catchUp: catchUp), by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.desk.lead()
        return harness
    }

    @Test("on time, a time rule's notification comes as itself")
    func onTime() throws {
        let harness = try harness(catchUp: nil)
        try harness.pass(at: utc(2026, 11, 23, 12, 5))
        #expect(try harness.notifications(.automation, for: harness.desk.rep).map(\.title) == ["Quiet: Acme Ltd deal"])
        #expect(try harness.notifications(.digest).isEmpty)
    }

    @Test("by default (once) a firing missed while nothing ran is folded into the owner's away digest, not sent on its own")
    func missedGoesIntoTheDigest() throws {
        let harness = try harness(catchUp: nil)
        try harness.pass(at: utc(2026, 11, 23, 15))
        #expect(try harness.notifications(.automation, for: harness.desk.rep).isEmpty)
        let digests = try harness.notifications(.digest, for: harness.desk.rep)
        #expect(digests.map(\.title) == ["While you were away: 1 rule notification"])
        #expect(try harness.desk.count("automation_run", where: "outcome = 'done'") == 1)
        let item = try harness.database.writer.read { db in try String.fetchOne(db, sql: "SELECT title FROM notification_item WHERE kind = 'automation'") }
        #expect(item == "Quiet: Acme Ltd deal")
    }

    @Test("with catch up skip, a missed firing is dropped")
    func skipDropsIt() throws {
        let harness = try harness(catchUp: "skip")
        try harness.pass(at: utc(2026, 11, 23, 15))
        #expect(try harness.notifications(.automation).isEmpty)
        #expect(try harness.notifications(.digest).isEmpty)
        #expect(try harness.desk.count("automation_run") == 0)
    }
}
