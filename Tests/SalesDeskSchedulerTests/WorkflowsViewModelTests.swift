import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

@Suite("Workflows view-model")
struct WorkflowsViewModelTests {
    @Test func theRuleListShowsStateVersionLastFiringSevenDayCountsAndFailures() throws {
        let harness = try SchedulerHarness()
        let rule = try harness.database.addRule(text: RuleSamples.bigDemoRecap, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
        let lead = try harness.desk.lead(value: 2_000_000)
        try harness.database.moveLead(lead.id!, to: .demoGiven, by: harness.desk.rep)
        try harness.pass(at: harness.clock.date)
        let row = try #require(try harness.database.ruleListRows(now: harness.clock.date).first { $0.name == rule.name })
        #expect(row.state == .active && row.version == 1 && !row.isBuiltIn)
        #expect(row.lastFiredAt == harness.clock.date)
        #expect(row.firingsLast7Days == [0, 0, 0, 0, 0, 0, 1])
        #expect(row.failures == 0)
        let detail = try harness.database.ruleDetail(named: rule.name)
        #expect(detail.parsed?.actions.count == 2)
        #expect(detail.runs.map(\.outcome) == ["done"])
        #expect(detail.runs.first?.cause.hasSuffix("lead #\(lead.id!) \(lead.title) stage changed from Open to Demo Given") == true)
    }
}
