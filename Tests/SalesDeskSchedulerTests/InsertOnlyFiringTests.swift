import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

/// A firing that only tells people (notifications, notes) runs without a savepoint of its own: everything it could be
/// refused for is found before its first write. These tests pin that it still writes all or nothing.
@Suite("Firings that only tell people")
struct InsertOnlyFiringTests {
    func active(_ text: String, in harness: SchedulerHarness) throws {
        try AutomationBatchTests().active(text, in: harness)
    }

    @Test func aNotificationRefusedForItsSecondRecipientLeavesNoNotificationNoteOrAuditEntryOfTheFiring() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Tell two people"
            when lead stage changes to "First Contact"
            then notify owner "First contact with {lead.name}"
                 add note "The owner and a stranger were told"
                 notify user "nobody-here" "First contact with {lead.name}"
            """, in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .firstContact, by: harness.desk.rep)

        let report = try harness.pass(at: harness.clock.date)

        #expect(report.automation.fired == 0 && report.automation.failed == 1)
        #expect(try harness.database.ruleRuns(failedOnly: true).first?.error == "nobody to give it to: no active user called \"nobody-here\"")
        #expect(try harness.notifications(.automation).isEmpty)
        #expect(try harness.desk.count("audit_entry", where: "action IN ('rule_fired', 'note') AND record_kind = 'lead' AND record_id = \(lead.id!)") == 0)
        #expect(try harness.database.verifyAuditChain().firstBreak == nil)
    }

    @Test func aBatchOfTellingFiringsWritesEachItsRunNotificationAndAuditEntryWithTheChainIntact() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Tell the owner"
            when lead stage changes to "Connected"
            then notify owner "{lead.name} is connected"
                 add note "Connected, the owner was told"
            """, in: harness)
        let leads = try (0..<40).map { try harness.desk.lead(AutomationBatchTests.buyer($0)) }
        for lead in leads { try harness.database.moveLead(lead.id!, to: .connected, by: harness.desk.rep) }

        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(report.automation.fired == 40)
        #expect(try harness.desk.count("automation_run", where: "outcome = 'done'") == 40)
        #expect(try harness.notifications(.automation, for: harness.desk.rep).count == 40)
        #expect(try harness.desk.count("audit_entry", where: "action = 'rule_fired'") == 40)
        #expect(try harness.desk.count("audit_entry", where: "action = 'note'") == 40)
        #expect(try harness.database.verifyAuditChain().firstBreak == nil)
    }
}
