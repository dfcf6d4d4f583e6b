import Foundation
import GRDB
import Testing
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskTesting
@testable import SalesDeskStore

@Suite("Rules in the store")
struct RuleStoreTests {
    static let recap = RuleSamples.bigDemoRecap

    @Test func theShippedDefaultRulesAreListedAndTheBuiltInOnesAreActive() throws {
        let desk = try DeskFixture()
        let rules = try desk.database.rules()
        #expect(Set(rules.map(\.name)) == Set(DefaultRules.all.map(\.name)))
        #expect(rules.filter(\.isBuiltInBehaviour).allSatisfy { $0.state == .active })
        #expect(try desk.database.rule(named: "tell the manager about progress").state == .draft)
    }

    @Test func aManagerAddsADraftAndEachEditIsANewVersionWithItsHashInTheAuditChain() throws {
        let desk = try DeskFixture()
        let added = try desk.database.addRule(text: Self.recap, by: desk.manager)
        #expect(added.state == .draft && added.version == 1 && added.authorHandle == "maria")
        let edited = try desk.database.editRule(named: added.name, text: Self.recap.replacingOccurrences(of: "10000", with: "20000"), by: desk.admin)
        #expect(edited.version == 2 && edited.authorHandle == "admin" && edited.textHash == StoredRule.hash(edited.text))
        let hashes = try desk.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT after FROM audit_entry WHERE record_kind = 'rule' AND record_id = ? AND field = 'text_sha256' ORDER BY id",
                                arguments: [added.id])
        }
        #expect(hashes == ["v1 \(added.textHash)", "v2 \(edited.textHash)"])
        #expect(try desk.database.writer.read { db in try AuditChainWalk.verify(db) }.isIntact)
    }

    @Test func aRepCannotAddEditOrEnableRules() throws {
        let desk = try DeskFixture()
        #expect(throws: DomainError.self) { try desk.database.addRule(text: Self.recap, by: desk.rep) }
        #expect(throws: DomainError.self) { try desk.database.setRuleState(named: "Tell the manager about progress", to: .active, by: desk.rep) }
        #expect(throws: DomainError.self) {
            try desk.database.editRule(named: "Celebrate a win", text: DefaultRules.all[3].text.replacingOccurrences(of: "won", with: "closed"), by: desk.rep)
        }
        #expect(try desk.database.rule(named: "Tell the manager about progress").state == .draft)
        #expect(try desk.count("automation_rule") == DefaultRules.all.count)
    }

    @Test func anInvalidTextSavesNothingAndSaysWhere() throws {
        let desk = try DeskFixture()
        #expect(throws: RuleParseError.self) {
            try desk.database.addRule(text: Self.recap.replacingOccurrences(of: "Demo Given", with: "Demo Givn"), by: desk.manager)
        }
        #expect(try desk.count("automation_rule_version") == DefaultRules.all.count)
    }

    @Test func aWriteAppendsItsEventInItsOwnTransaction() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.rep)
        let events = try desk.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, record_kind, field, before, after FROM automation_event WHERE record_kind = 'lead' AND record_id = ? ORDER BY id", arguments: [lead.id])
        }
        #expect(events.map { $0["kind"] as String } == ["created", "changed"])
        #expect(events.last?["after"] == "First Contact")
    }

    @Test func aRefusedWriteAppendsNoEvent() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let before = try desk.count("automation_event")
        #expect(throws: DomainError.self) { try desk.database.moveLead(lead.id!, to: .firstContact, by: desk.otherRep) }
        #expect(try desk.count("automation_event") == before)
    }

    @Test func aDryRunLeavesTheDatabaseFileByteIdentical() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead(value: 2_000_000)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        try desk.database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let files = [desk.temporary.path, desk.temporary.path + "-wal"]
        let before = files.map { FileManager.default.contents(atPath: $0) }
        let rule = try RuleParser().parse(Self.recap)
        let report = try desk.database.dryRun(rule, days: 30, now: desk.clock.date)
        #expect(report.considered == 1 && report.wouldFire == 1)
        #expect(report.trials.first?.plans.count == 2)
        #expect(files.map { FileManager.default.contents(atPath: $0) } == before)
        #expect(try desk.count("activity", where: "subject = 'Send the demo recap'") == 0)
    }

    @Test func aDryRunShowsEachConditionForARecordThatWouldNotFire() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead(value: 500_000)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        let report = try desk.database.dryRun(try RuleParser().parse(Self.recap), days: 30, now: desk.clock.date)
        #expect(report.wouldFire == 0)
        #expect(report.trials.first?.checks.map(\.passed) == [false, true])
        #expect(report.trials.first?.checks.first?.actual == "5000")
    }

    @Test func whyExplainsATicketIsNotALead() throws {
        let desk = try DeskFixture()
        let ticket = try desk.database.createTicket(NewTicket(subject: "Sync broken"), by: desk.support)
        let trial = try desk.database.explain(try RuleParser().parse(Self.recap), for: .ticket(ticket.id!), now: desk.clock.date)
        #expect(!trial.fires && !trial.triggered)
        #expect(trial.trigger.contains("is not a lead"))
    }
}
