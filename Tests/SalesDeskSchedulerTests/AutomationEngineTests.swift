import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

@Suite("Automation engine")
struct AutomationEngineTests {
    static let recap = RuleSamples.bigDemoRecap

    func active(_ text: String, in harness: SchedulerHarness) throws {
        let rule = try harness.database.addRule(text: text, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
    }

    @Test func theIssuesRuleCreatesTheTaskAndTellsTheManagerOnTheNextPass() throws {
        let harness = try SchedulerHarness()   // Monday 2026-11-23 10:00 UTC
        try active(Self.recap, in: harness)
        let lead = try harness.desk.lead(value: 1_500_000)
        try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        #expect(report.automation.fired == 1)
        let task = try harness.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT type, owner_id, due_at FROM activity WHERE subject = 'Send the demo recap'")
        }
        #expect(task?["type"] == "email")
        #expect(task?["owner_id"] == harness.desk.rep.id)
        #expect(task?["due_at"] == Int64(utc(2026, 11, 24, 10, 0, 1).timeIntervalSince1970))
        let told = try harness.notifications(.automation, for: harness.desk.manager)
        #expect(told.map(\.title) == ["Big demo done: Acme Ltd deal (15,000.00 USD)"])
        let audit = try harness.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT after FROM audit_entry WHERE action = 'rule_fired' AND record_id = ?", arguments: [lead.id])
        }
        #expect(audit?.hasPrefix("rule \"Recap after a big demo\" v1 (by maria), caused by event #") == true)
    }

    @Test func aSmallDealDoesNotFireAndNothingIsLogged() throws {
        let harness = try SchedulerHarness()
        try active(Self.recap, in: harness)
        let lead = try harness.desk.lead(value: 500_000)
        try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
        #expect(try harness.pass(at: harness.clock.date).automation.fired == 0)
        #expect(try harness.desk.count("automation_run") == 0)
    }

    @Test func twoEnginesFireEachRuleAndEventExactlyOnce() throws {
        let harness = try SchedulerHarness()
        try active(Self.recap, in: harness)
        let other = SchedulerEngine(database: harness.database, claimer: "second", now: harness.clock.now, logger: .silent)
        for index in 0..<12 {
            let lead = try harness.desk.lead("Buyer \(index)", value: 2_000_000)
            try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
            if index.isMultiple(of: 3) { try other.runPass() } else { try harness.engine.runPass() }
            harness.clock.advance(by: 30)
        }
        try other.runPass()
        try harness.engine.runPass()
        #expect(try harness.desk.count("automation_run") == 12)
        #expect(try harness.desk.count("activity", where: "subject = 'Send the demo recap'") == 12)
    }

    @Test func anEngineThatDiesAfterItsClaimLeavesTheEventsToAnotherAfterTheLease() throws {
        let harness = try SchedulerHarness()
        try active(Self.recap, in: harness)
        let lead = try harness.desk.lead(value: 2_000_000)
        try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
        let dead = try harness.database.runAutomation(claimer: "dead", now: harness.clock.date, lease: 60, afterClaim: {})
        #expect(dead.fired == 1)   // a live engine fires; now make one that claims and never finishes
        let second = try harness.desk.lead("Second", value: 2_000_000)
        try harness.database.moveLead(second.id!, to: .demoGiven, by: harness.desk.rep)
        #expect(throws: Killed.self) {
            try harness.database.runAutomation(claimer: "killed", now: harness.clock.date, lease: 60, afterClaim: { throw Killed() })
        }
        let blocked = try harness.pass(at: harness.clock.date.addingTimeInterval(30))
        #expect(blocked.automation.streamBusy && blocked.automation.fired == 0)
        let after = try harness.pass(at: harness.clock.date.addingTimeInterval(31))
        #expect(after.automation.fired == 1)
        #expect(try harness.desk.count("activity", where: "subject = 'Send the demo recap'") == 2)
    }

    @Test func aLoopBetweenTwoRulesStopsAtTheDepthGuardWithARunLogEntry() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "A"
            also when caused by rules
            when lead stage changes to "Connected"
            then set stage to "Demo Given"
            """, in: harness)
        try active("""
            rule "B"
            also when caused by rules
            when lead stage changes to "Demo Given"
            then set stage to "Connected"
            """, in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .connected, by: harness.desk.rep)
        let report = try harness.pass(at: harness.clock.date)
        #expect(report.automation.fired == 5)
        #expect(report.automation.stopped == 1)
        let stopped = try harness.database.ruleRuns(failedOnly: true)
        #expect(stopped.count == 1)
        #expect(stopped.first?.error == "chain stopped: 5 rule firings deep (the limit is 5)")
        #expect(stopped.first?.causeRunID != nil)
    }

    @Test func aRuleIgnoresChangesMadeByRulesUnlessItOptsIn() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Move on"
            when lead stage changes to "Connected"
            then set stage to "Demo Given"
            """, in: harness)
        try active("""
            rule "Recap any demo"
            when lead stage changes to "Demo Given"
            then notify owner "Demo given"
            """, in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .connected, by: harness.desk.rep)
        let report = try harness.pass(at: harness.clock.date)
        #expect(report.automation.fired == 1)
        #expect(try harness.notifications(.automation).isEmpty)
    }

    @Test func aRefusedActionIsRecordedAndNeverBlocksOtherRulesOrTheWrite() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Give it to a stranger"
            when lead stage changes to "First Contact"
            then assign to user "nobody-here"
            """, in: harness)
        try active("""
            rule "Say hello"
            when lead stage changes to "First Contact"
            then notify owner "First contact made with {lead.name}"
            """, in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .firstContact, by: harness.desk.rep)
        let report = try harness.pass(at: harness.clock.date)
        #expect(report.automation.fired == 1 && report.automation.failed == 1)
        #expect(try harness.database.ruleRuns(failedOnly: true).first?.error == "nobody to give it to: no active user called \"nobody-here\"")
        #expect(try harness.notifications(.automation, for: harness.desk.rep).count == 1)
        #expect(try harness.database.lead(lead.id!)?.stage == .firstContact)
    }

    @Test func aStageTimeTriggerFiresOnceAtItsExactBoundary() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Three quiet days"
            when lead has been in its stage for 3 days
            then notify owner "{lead.name} has waited 3 days"
            """, in: harness)
        let start = harness.clock.date
        try harness.pass(at: start)   // the rule's first pass only sets its cursors
        let lead = try harness.desk.lead()
        try harness.pass(at: start.addingTimeInterval(3 * 86_400 - 1))
        #expect(try harness.notifications(.automation).isEmpty)
        try harness.pass(at: start.addingTimeInterval(3 * 86_400))
        #expect(try harness.notifications(.automation).map(\.title) == ["Acme Ltd deal has waited 3 days"])
        try harness.pass(at: start.addingTimeInterval(4 * 86_400))
        #expect(try harness.notifications(.automation).count == 1)
        _ = lead
    }

    @Test func anOverdueTriggerCountsBusinessDaysAcrossTheWeekendAndAHoliday() throws {
        var configuration = DeskConfiguration.standard
        configuration.businessHours.holidays = ["2026-11-30"]
        let harness = try SchedulerHarness(now: utc(2026, 11, 27, 12), configuration: configuration)   // Friday noon
        try active("""
            rule "Late follow-up"
            when follow-up is overdue by 1 business day
            then notify manager "{owner.name} is late with {followup.subject}"
            """, in: harness)
        try harness.pass(at: harness.clock.date)
        _ = try harness.followUp("Call back", due: utc(2026, 11, 27, 16))   // Friday 16:00
        try harness.pass(at: utc(2026, 12, 1, 15, 59, 59))   // Tuesday, one second short (Monday is a holiday)
        #expect(try harness.notifications(.automation).isEmpty)
        try harness.pass(at: utc(2026, 12, 1, 16))
        #expect(try harness.notifications(.automation).map(\.title) == ["Ana Silva is late with Call back"])
    }

    @Test func unchangedShippedDefaultsAreLeftToTheBuiltInCode() throws {
        let harness = try SchedulerHarness()
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .won, by: harness.desk.rep)
        try harness.pass(at: harness.clock.date)
        #expect(try harness.desk.count("automation_run") == 0)
        #expect(try harness.notifications(.won).count == 3)
    }
}

/// Thrown by the crash drill's `afterClaim`: the pass stops right after its claim, as a `kill -9` would stop it.
struct Killed: Error {}
