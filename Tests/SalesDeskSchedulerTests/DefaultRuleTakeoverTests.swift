import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Each shipped default rule is the switch of the behaviour it describes: edited, the code steps aside and the
/// edited rule acts (its threshold, its words); paused, nothing acts; never both.
@Suite("Default rules replace the built-in behaviour")
struct DefaultRuleTakeoverTests {
    /// Saves the default rule `name` with `replacements` applied to its text (each must occur), as the manager.
    func edit(_ name: String, _ replacements: [(String, String)], in harness: SchedulerHarness) throws {
        var text = try harness.database.rule(named: name).text
        for (old, new) in replacements {
            #expect(text.contains(old), "the default rule \(name) says \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try harness.database.editRule(named: name, text: text, by: harness.desk.manager)
    }

    func pause(_ name: String, in harness: SchedulerHarness) throws {
        try harness.database.setRuleState(named: name, to: .paused, by: harness.desk.manager)
    }

    /// Titles of the engine's notifications to `user`.
    func ruleNotices(for user: User, in harness: SchedulerHarness) throws -> [String] {
        try harness.notifications(.automation, for: user).map(\.title)
    }

    // MARK: Stall nudge

    @Test("an edited stall nudge fires at its own threshold with its own words, and the built-in nudge stays silent")
    func editedStallNudge() throws {
        let harness = try SchedulerHarness()   // Monday 10:00; Open stalls after 1 day
        try edit("Nudge a stalled lead", [("for its stall threshold", "for 3 hours"), ("has sat in", "is waiting in")], in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        let lead = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 23, 12, 59, 59))
        #expect(try ruleNotices(for: harness.desk.rep, in: harness).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(try ruleNotices(for: harness.desk.rep, in: harness) == ["\(lead.title) is waiting in Open for 0 days"])
        try harness.pass(at: utc(2026, 11, 24, 10))
        try harness.pass(at: utc(2026, 11, 24, 11))
        #expect(try harness.notifications(.stallNudge).isEmpty)
        #expect(try ruleNotices(for: harness.desk.rep, in: harness).count == 1)
    }

    @Test("a paused stall nudge stops the nudge altogether")
    func pausedStallNudge() throws {
        let harness = try SchedulerHarness()
        try pause("Nudge a stalled lead", in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 24, 10))
        try harness.pass(at: utc(2026, 11, 24, 12))
        #expect(try harness.notifications(.stallNudge).isEmpty)
        #expect(try harness.notifications(.automation).isEmpty)
    }

    // MARK: Stall escalation

    @Test("an edited stall escalation tells the manager at its own threshold, and the built-in escalation stays silent")
    func editedStallEscalation() throws {
        let harness = try SchedulerHarness()
        try edit("Escalate a lead stalled twice as long", [("for twice its stall threshold", "for 30 hours"), ("Stalled twice as long", "Stuck")],
                 in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        let lead = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 24, 15, 59, 59))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).isEmpty)
        try harness.pass(at: utc(2026, 11, 24, 16))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness) == ["Stuck: \(lead.title) (\(harness.desk.rep.name), Open)"])
        try harness.pass(at: utc(2026, 11, 25, 10))
        try harness.pass(at: utc(2026, 11, 26, 10))
        #expect(try harness.notifications(.escalation).isEmpty)
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).count == 1)
    }

    @Test("a paused stall escalation stops the escalation and leaves the nudge")
    func pausedStallEscalation() throws {
        let harness = try SchedulerHarness()
        try pause("Escalate a lead stalled twice as long", in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.desk.lead()
        try harness.pass(at: utc(2026, 11, 24, 10))
        try harness.pass(at: utc(2026, 11, 25, 10))
        try harness.pass(at: utc(2026, 11, 26, 10))
        #expect(try harness.notifications(.escalation).isEmpty)
        #expect(try harness.notifications(.automation).isEmpty)
        #expect(try harness.notifications(.stallNudge).count == 1)
    }

    // MARK: Overdue follow-up

    @Test("an edited overdue escalation tells the manager after its own delay, and the built-in escalation stays silent")
    func editedOverdueEscalation() throws {
        let harness = try SchedulerHarness()
        try edit("Escalate an overdue follow-up", [("overdue by 1 business day", "overdue by 2 hours"), ("has not done", "still owes")], in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.followUp("Send the quote", due: utc(2026, 11, 23, 11))
        try harness.pass(at: utc(2026, 11, 23, 12, 59, 59))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness) == ["\(harness.desk.rep.name) still owes: Send the quote (—)"])
        try harness.pass(at: utc(2026, 11, 24, 11))
        try harness.pass(at: utc(2026, 11, 25, 11))
        #expect(try harness.notifications(.overdue).isEmpty)
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).count == 1)
    }

    @Test("a paused overdue escalation stops it, and the owner's reminders still come")
    func pausedOverdueEscalation() throws {
        let harness = try SchedulerHarness()
        try pause("Escalate an overdue follow-up", in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.followUp("Send the quote", due: utc(2026, 11, 23, 11))
        try harness.pass(at: utc(2026, 11, 24, 11))
        try harness.pass(at: utc(2026, 11, 25, 11))
        #expect(try harness.notifications(.overdue).isEmpty)
        #expect(try harness.notifications(.automation).isEmpty)
        #expect(try harness.notifications(.reminder).isEmpty == false)
    }

    // MARK: Won

    @Test("an edited win celebration tells the team in its own words, and the built-in celebration stays silent")
    func editedWinCelebration() throws {
        let harness = try SchedulerHarness()
        try edit("Celebrate a win", [("won {lead.name}", "closed {lead.name}")], in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .won, reason: nil, by: harness.desk.rep)
        #expect(try harness.notifications(.won).isEmpty)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        let told = try harness.notifications(.automation)
        #expect(Set(told.map(\.title)) == ["\(harness.desk.rep.name) closed \(lead.title) — 10,000.00 USD"])
        #expect(told.contains { $0.userID == harness.desk.rep.id })
        #expect(try harness.notifications(.won).isEmpty)
        #expect(try harness.desk.count("account", where: "status = 'customer'") == 1)   // the handoff is not the celebration
    }

    @Test("a paused win celebration tells nobody, and the account still becomes a customer")
    func pausedWinCelebration() throws {
        let harness = try SchedulerHarness()
        try pause("Celebrate a win", in: harness)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .won, reason: nil, by: harness.desk.rep)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        #expect(try harness.notifications(.won).isEmpty)
        #expect(try harness.notifications(.automation).isEmpty)
        #expect(try harness.desk.count("account", where: "status = 'customer'") == 1)
    }

    // MARK: Untriaged ticket

    /// A harness whose Customer Success team (where General tickets go) is managed by the fixture's manager.
    func ticketHarness() throws -> SchedulerHarness {
        let harness = try SchedulerHarness()
        try harness.database.writer.write { db in
            try db.execute(sql: "UPDATE team SET manager_id = ? WHERE name = 'Customer Success'", arguments: [harness.desk.manager.id])
        }
        return harness
    }

    @Test("an edited untriaged alert tells the team's manager at its own age, and the built-in alert stays silent")
    func editedUntriagedTicket() throws {
        let harness = try ticketHarness()
        try edit("Untriaged ticket", [("for 2 business hours", "for 30 minutes"), ("Untriaged:", "Nobody took")], in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        let ticket = try harness.database.createTicket(NewTicket(subject: "Nobody looked"), by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 10, 29, 59))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 10, 30))
        #expect(try ruleNotices(for: harness.desk.manager, in: harness) == ["Nobody took \(Ticket.number(for: ticket.id!)) Nobody looked"])
        try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(try harness.notifications(.untriaged).isEmpty)
        #expect(try ruleNotices(for: harness.desk.manager, in: harness).count == 1)
    }

    @Test("a paused untriaged alert tells nobody")
    func pausedUntriagedTicket() throws {
        let harness = try ticketHarness()
        try pause("Untriaged ticket", in: harness)
        try harness.pass(at: utc(2026, 11, 23, 10))
        _ = try harness.database.createTicket(NewTicket(subject: "Nobody looked"), by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(try harness.notifications(.untriaged).isEmpty)
        #expect(try harness.notifications(.automation).isEmpty)
    }

    // MARK: First call for a captured lead

    func importOneLead(in harness: SchedulerHarness) throws {
        let path = harness.desk.temporary.directory.appendingPathComponent("\(UUID().uuidString).csv").path
        try Data("Name,Email,Company\nKim Newcomer,kim@newco.example,NewCo\n".utf8).write(to: URL(fileURLWithPath: path))
        let importer = LeadImporter(database: harness.database, user: harness.desk.admin, options: ImportOptions(ownerHandle: harness.desk.rep.handle))
        let reader = try ImportFile.open(path: path)
        let summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path), rejected: { _ in })
        #expect(summary.imported == 1)
    }

    func followUpSubjects(in harness: SchedulerHarness) throws -> [String] {
        try harness.database.writer.read { db in try String.fetchAll(db, sql: "SELECT subject FROM activity ORDER BY id") }
    }

    @Test("an unedited first call is the import's own follow-up, created once")
    func shippedFirstCall() throws {
        let harness = try SchedulerHarness()
        try importOneLead(in: harness)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        #expect(try followUpSubjects(in: harness).count == 1)
        #expect(try harness.desk.count("automation_run") == 0)
    }

    @Test("an edited first call replaces the import's follow-up with the rule's, created once")
    func editedFirstCall() throws {
        let harness = try SchedulerHarness()
        try edit("First call for a captured lead", [("\"Call {lead.name}\"", "\"Ring {lead.name} today\"")], in: harness)
        try importOneLead(in: harness)
        #expect(try followUpSubjects(in: harness).isEmpty)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        try harness.pass(at: harness.clock.date.addingTimeInterval(2))
        let subjects = try followUpSubjects(in: harness)
        #expect(subjects.count == 1)
        #expect(subjects.first?.hasPrefix("Ring ") == true)
    }

    @Test("a paused first call gives a captured lead no follow-up")
    func pausedFirstCall() throws {
        let harness = try SchedulerHarness()
        try pause("First call for a captured lead", in: harness)
        try importOneLead(in: harness)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        #expect(try followUpSubjects(in: harness).isEmpty)
    }

    @Test("putting back the shipped text gives the behaviour back to the code, and the engine leaves it alone")
    func revertedDefault() throws {
        let harness = try SchedulerHarness()
        let shipped = try harness.database.rule(named: "Celebrate a win").text
        try edit("Celebrate a win", [("won {lead.name}", "closed {lead.name}")], in: harness)
        try harness.database.editRule(named: "Celebrate a win", text: shipped, by: harness.desk.manager)
        let lead = try harness.desk.lead()
        try harness.database.moveLead(lead.id!, to: .won, reason: nil, by: harness.desk.rep)
        try harness.pass(at: harness.clock.date.addingTimeInterval(1))
        #expect(try harness.notifications(.won).isEmpty == false)
        #expect(try harness.notifications(.automation).isEmpty)
    }
}
