import Foundation
import SalesDeskApp
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Rules run right after the desk's own writes")
struct DeskRulesAfterWriteTests {
    /// The standard day plus an active rule on first contact, written by the manager.
    static func seedWithRule(_ desk: DeskFixture) throws {
        try DeskHarness.standardSeed(desk)
        let rule = try desk.database.addRule(text: """
            rule "Prepare the first call"
            when lead stage changes to "First Contact"
            then create follow-up task "Prepare for {lead.name}" due in 1 day for owner
                 notify manager "{owner.name} made first contact with {lead.name}"
            """, by: desk.manager)
        try desk.database.setRuleState(named: rule.name, to: .active, by: desk.manager)
    }

    @Test("a lead moved in the desk gets its rule's task and the manager's notification at the instant of the move, with no tick in between")
    func ruleRunsAfterTheWrite() throws {
        let harness = try DeskHarness(seed: Self.seedWithRule)
        let scheduling = DeskScheduling(database: harness.desk.database, now: harness.desk.clock.now)
        harness.runtime.attachScheduler(scheduling)
        harness.runtime.tick()   // the launch catch-up
        harness.press(.character("2"))
        let id = try #require(harness.selectedLeadID)
        harness.press(.character(">"))
        scheduling.waitForPasses()
        let at = harness.desk.clock.date.timeIntervalSince1970
        #expect(try harness.desk.count("activity", where: "subject LIKE 'Prepare for %' AND record_id = \(id) AND created_at = \(Int64(at))") == 1)
        #expect(try harness.desk.count("notification", where: "kind = 'automation' AND user_id = \(harness.desk.manager.id!) AND created_at = \(Int64(at))") == 1)
        harness.runtime.tick()
        harness.runtime.tick()
        #expect(try harness.desk.count("automation_run") == 1, "the tick's pass finds the event consumed and fires nothing again")
    }

    @Test("without a scheduler attached (a read-only look) the desk's writes run no rules")
    func noSchedulerNoRules() throws {
        let harness = try DeskHarness(seed: Self.seedWithRule)
        harness.press(.character("2"), .character(">"))
        #expect(try harness.desk.count("automation_run") == 0)
    }
}
