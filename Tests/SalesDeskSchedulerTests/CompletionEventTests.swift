import Foundation
import GRDB
import Testing
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

@Suite("Completed follow-ups as events")
struct CompletionEventTests {
    @Test func completingAFollowUpWithNotesAppendsOneEventSoACompletionRuleFiresOnce() throws {
        let harness = try SchedulerHarness()
        let rule = try harness.database.addRule(text: """
            rule "Say thanks"
            when follow-up is completed
            then notify owner "Done: {followup.subject}"
            """, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
        let call = try harness.followUp("Call back", due: harness.clock.date.addingTimeInterval(3_600))

        try harness.database.completeFollowUp(call.id!, outcome: "Reached her, sends the contract", by: harness.desk.rep)
        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(try harness.desk.count("automation_event", where: "kind = 'completed'") == 1)
        #expect(report.automation.fired == 1)
        #expect(try harness.notifications(.automation).map(\.title) == ["Done: Call back"])
    }
}
