import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

@Suite("Automation schedules and explanations")
struct AutomationScheduleTests {
    @Test func aWeekdayScheduleFiresOncePerWeekdayAtItsTimeAndSkipsTheWeekend() throws {
        let harness = try SchedulerHarness(now: utc(2026, 11, 27, 8))   // Friday 08:00 UTC
        let rule = try harness.database.addRule(text: """
            rule "Morning note"
            when every weekday at 9:00
            then notify user "maria" "Good morning"
            """, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
        try harness.pass(at: harness.clock.date)   // the first pass only sets the cursor
        try harness.pass(at: utc(2026, 11, 27, 8, 59, 59))
        #expect(try harness.notifications(.automation).isEmpty)
        try harness.pass(at: utc(2026, 11, 27, 9))
        try harness.pass(at: utc(2026, 11, 27, 9, 5))
        #expect(try harness.notifications(.automation).count == 1)
        for hour in stride(from: 12, through: 60, by: 12) {   // through the weekend, up to Sunday 21:00
            try harness.pass(at: utc(2026, 11, 27, 9).addingTimeInterval(Double(hour) * 3_600))
        }
        #expect(try harness.notifications(.automation).count == 1)
        try harness.pass(at: utc(2026, 11, 30, 9, 1))   // Monday
        #expect(try harness.notifications(.automation, for: harness.desk.manager).count == 2)
    }

    @Test func whyNamesTheLastTriggerEachConditionAndThePlans() throws {
        let harness = try SchedulerHarness()
        let lead = try harness.desk.lead(value: 2_000_000)
        try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
        let rule = try harness.database.ruleParser.parse(RuleSamples.bigDemoRecap)
        let trial = try harness.database.explain(rule, for: .lead(lead.id!), now: harness.clock.date)
        #expect(trial.triggered && trial.fires)
        #expect(trial.trigger.hasPrefix("stage changed from Open to Demo Given"))
        #expect(trial.checks.map(\.term) == ["value >= 10000", "source is not partner_referral"])
        #expect(trial.plans.last == "notify manager: \"Big demo done: Acme Ltd deal (20,000.00 USD)\"")
        let quiet = try harness.desk.lead("Quiet Buyer", company: "Quiet Co")
        let never = try harness.database.explain(rule, for: .lead(quiet.id!), now: harness.clock.date)
        #expect(!never.triggered && !never.fires)
    }
}
