import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

/// The engine's batch shape: subjects read ahead for a whole batch, the audit chain head and loop-guard counts kept
/// for the batch, an idle pass that asks one question. Each test pins a way that shape could go wrong.
@Suite("Automation in batches")
struct AutomationBatchTests {
    func active(_ text: String, in harness: SchedulerHarness) throws {
        let rule = try harness.database.addRule(text: text, by: harness.desk.manager)
        try harness.database.setRuleState(named: rule.name, to: .active, by: harness.desk.manager)
    }

    /// `Buyer Ab`, `Buyer Ac`, … (the fixture makes e-mail addresses from the letters of the name).
    static func buyer(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "Buyer \(letters[index / 26].uppercased())\(letters[index % 26])"
    }

    /// A rule that acts when a lead's value is set to 50,000 or more: the first of two events in a batch.
    static func whenABigValueIsSet(_ name: String, then action: String) -> String {
        """
        rule "\(name)"
        when lead value changes
        if value >= 50000
        then \(action)
        """
    }

    @Test func aBatchOfFiringsThatAlsoChangeRecordsLeavesTheAuditChainIntactWithARunAndAnAuditEntryPerFiring() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Tell the owner"
            when lead stage changes to "Connected"
            then notify owner "{lead.name} is connected"
                 add note "Connected, the owner was told"
            """, in: harness)
        try active("""
            rule "Tag it"
            when lead stage changes to "Connected"
            then add tag "warm"
            """, in: harness)
        try active("""
            rule "Plan the call"
            when lead stage changes to "Connected"
            if value >= 0
            then create follow-up call "Call {lead.name}" due in 1 business day for owner
            """, in: harness)
        let leads = try (0..<60).map { try harness.desk.lead(Self.buyer($0)) }
        for lead in leads { try harness.database.moveLead(lead.id!, to: .connected, by: harness.desk.rep) }

        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(report.automation.fired == 180)
        #expect(try harness.desk.count("automation_run", where: "outcome = 'done'") == 180)
        #expect(try harness.desk.count("audit_entry", where: "action = 'rule_fired'") == 180)
        #expect(try harness.desk.count("audit_entry", where: "action = 'note'") == 60)
        #expect(try harness.desk.count("lead", where: "tags LIKE '%warm%'") == 60)
        let chain = try harness.database.verifyAuditChain()
        #expect(chain.firstBreak == nil)
        #expect(chain.entriesChecked >= 60 * 3 + 180)
    }

    @Test func aRuleSeesWhatAnEarlierFiringOfTheSameBatchChangedOnTheLead() throws {
        let harness = try SchedulerHarness()
        try active(Self.whenABigValueIsSet("Mark big ones", then: "add tag \"big\""), in: harness)
        try active("""
            rule "Hand over big ones"
            when lead owner changes
            if tags contains "big"
            then notify owner "A big one is yours: {lead.name}"
            """, in: harness)
        let lead = try harness.desk.lead()
        // Two events of one batch: the first one's firing tags the lead, the second one's rule asks for the tag.
        try harness.database.updateLead(lead.id!, LeadChanges(value: Money(minorUnits: 6_000_000, currency: .usd)), by: harness.desk.rep)
        try harness.database.assignLead(lead.id!, to: harness.desk.otherRep.id!, by: harness.desk.manager)

        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(report.automation.fired == 2)
        #expect(try harness.notifications(.automation, for: harness.desk.otherRep).map(\.title) == ["A big one is yours: Acme Ltd deal"])
    }

    @Test func aFollowUpRuleSeesWhatAnEarlierFiringOfTheSameBatchChangedOnTheFollowUpsLead() throws {
        let harness = try SchedulerHarness()
        try active(Self.whenABigValueIsSet("Big ones are connected", then: "set stage to \"Connected\""), in: harness)
        try active("""
            rule "Report a done call"
            when follow-up is completed
            then notify owner "{followup.subject} done, {lead.name} is in {lead.stage}"
            """, in: harness)
        let lead = try harness.desk.lead()
        let call = try harness.followUp("Call back", due: harness.clock.date.addingTimeInterval(3_600), lead: lead)
        // Two events of one batch: the first one's firing moves the lead, the second one's rule names its stage.
        try harness.database.updateLead(lead.id!, LeadChanges(value: Money(minorUnits: 6_000_000, currency: .usd)), by: harness.desk.rep)
        try harness.database.completeFollowUp(call.id!, outcome: "Reached her", by: harness.desk.rep)

        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(report.automation.fired == 2)
        #expect(try harness.notifications(.automation, for: harness.desk.rep).map(\.title) == ["Call back done, Acme Ltd deal is in Connected"])
    }

    @Test func theLoopGuardCountsTheFiringsOfOneBatchForTheSameRecord() throws {
        let harness = try SchedulerHarness()
        try active("""
            rule "Every value change"
            when lead value changes
            then notify owner "{lead.name} is now {lead.value}"
            """, in: harness)
        let lead = try harness.desk.lead()
        let limit = AutomationLimits.maxFiringsPerRecordPerHour
        for step in 1...(limit + 3) {
            try harness.database.updateLead(lead.id!, LeadChanges(value: Money(minorUnits: Int64(step) * 100_000, currency: .usd)), by: harness.desk.rep)
        }

        let report = try harness.pass(at: harness.clock.date.addingTimeInterval(1))

        #expect(report.automation.fired == limit)
        #expect(report.automation.stopped == 1)
        #expect(try harness.database.rule(named: "Every value change").state == .paused)
    }

    @Test func anIdleEngineStillFiresATimeRuleAtItsInstantThoughNothingWasWrittenInBetween() throws {
        let harness = try SchedulerHarness(now: utc(2026, 11, 23, 10))   // Monday
        try active("""
            rule "Late call"
            when follow-up is overdue by 1 business day
            then notify owner "Late: {followup.subject}"
            """, in: harness)
        _ = try harness.followUp("Call back", due: utc(2026, 11, 23, 16))
        try harness.pass(at: utc(2026, 11, 23, 12))   // sets the rule's cursor; the follow-up is not yet due
        try harness.pass(at: utc(2026, 11, 24, 9))    // idle: nothing written since
        try harness.pass(at: utc(2026, 11, 24, 15, 59, 59))
        #expect(try harness.notifications(.automation).isEmpty)

        try harness.pass(at: utc(2026, 11, 24, 16))

        #expect(try harness.notifications(.automation).map(\.title) == ["Late: Call back"])
    }
}
