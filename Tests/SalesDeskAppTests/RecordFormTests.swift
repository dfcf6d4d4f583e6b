import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Forms that create and edit records")
struct RecordFormTests {
    @Test("+ on Leads creates a lead owned by the signed-in rep, with its value and source")
    func newLead() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("+"))
        harness.type("Ines Duarte")
        harness.press(.tab)
        harness.type("ines@lisboa.example")
        harness.press(.tab, .tab)
        harness.type("Lisboa Tech")
        harness.press(.tab, .tab)
        harness.type("15,000")
        harness.press(.tab, .right, .enter)
        #expect(harness.state.modal == nil)
        #expect(harness.state.status?.text.hasPrefix("Created lead #") == true)
        let row = try #require(try harness.desk.database.leads(LeadQuery(searchText: "ines")).rows.first)
        #expect(row.company == "Lisboa Tech")
        #expect(row.lead.value == Money(minorUnits: 1_500_000, currency: .usd))
        #expect(row.lead.ownerID == harness.desk.rep.id)
        #expect(row.lead.source != .manual, "→ moved the source choice one step")
    }

    @Test("a new lead with neither name, email nor phone is refused in the form and nothing is written")
    func newLeadNeedsAContact() throws {
        let harness = try DeskHarness()
        let before = try harness.desk.count("lead")
        harness.press(.character("2"), .character("+"), .enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("at least a name, an email or a phone") == true)
        #expect(harness.screen.contains("at least a name, an email or a phone"))
        #expect(try harness.desk.count("lead") == before)
    }

    @Test("a bad value keeps the form open with the reason, and the typed text stays")
    func badValueIsExplained() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("+"))
        harness.type("Val Ue")
        for _ in 0..<5 { harness.press(.tab) }
        harness.type("12abc")
        harness.press(.enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("12abc") == true)
        #expect(form.value(.contactName) == "Val Ue")
    }

    @Test("e edits a lead's deal fields and the change is audited")
    func editLead() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"))
        let id = try #require(harness.selectedLeadID)
        harness.press(.character("e"), .tab, .ctrl("u"))
        harness.type("99.50")
        harness.press(.enter)
        #expect(harness.state.status?.text == "Saved lead #\(id).")
        #expect(try harness.desk.database.lead(id)?.value.minorUnits == 9950)
        #expect(try harness.desk.count("audit_entry", where: "record_kind = 'lead' AND record_id = \(id) AND field = 'value'") == 1)
    }

    @Test("e pre-fills the value as a plain number, so saving an edit of the tags alone keeps it")
    func editKeepsTheValue() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"))
        let id = try #require(harness.selectedLeadID)
        harness.press(.character("e"), .tab, .tab)
        harness.type("vip")
        harness.press(.enter)
        #expect(harness.form == nil, "\(harness.said)")
        #expect(try harness.desk.database.lead(id)?.value.minorUnits == 1_250_000)
        #expect(try harness.desk.database.lead(id)?.tags == ["vip"])
    }

    @Test("O puts a lead in Negotiation on hold and again resumes it; an Open lead is refused with the reason")
    func onHold() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"))
        let open = try #require(harness.selectedLeadID)
        harness.press(.character("O"))
        #expect(try harness.desk.database.lead(open)?.isOnHold == false)
        #expect(harness.state.status?.isError == true)
        harness.press(.character("]"), .character("]"), .character("]"), .character("/"))
        harness.type("stage:negotiation")
        harness.press(.enter)
        let id = try #require(harness.selectedLeadID)
        harness.press(.character("O"))
        #expect(try harness.desk.database.lead(id)?.isOnHold == true)
        harness.press(.character("O"))
        #expect(try harness.desk.database.lead(id)?.isOnHold == false)
    }

    @Test("f on the agenda schedules a follow-up on the selected item's lead")
    func newFollowUpFromAgenda() throws {
        let harness = try DeskHarness()
        let selected = try #require(harness.selectedActivity)
        harness.press(.character("f"), .right, .tab)
        harness.type("Send contract")
        harness.press(.tab)
        harness.type("tomorrow 15:00")
        harness.press(.enter)
        #expect(harness.state.modal == nil)
        let planned = try harness.desk.database.followUps(FollowUpQuery(ownerIDs: [harness.desk.rep.id!]), limit: 50).rows
        let created = try #require(planned.first { $0.activity.subject == "Send contract" })
        #expect(created.activity.record == selected.record)
        #expect(created.activity.type == ActivityType.allCases[1])
        #expect(created.activity.dueAt == utc(2026, 11, 24, 15))
    }

    @Test("a follow-up without a due time is refused with an example")
    func followUpNeedsDue() throws {
        let harness = try DeskHarness()
        harness.press(.character("f"), .enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("tomorrow 9:00") == true)
    }

    @Test("+ on Tickets opens a ticket routed by its category")
    func newTicket() throws {
        let harness = try DeskHarness(user: \.support)
        harness.press(.character("3"), .character("+"))
        harness.type("Export fails on large files")
        harness.press(.tab, .tab, .right, .tab)
        let bug = try #require(TicketCategory.allCases.firstIndex(of: .productBug))
        for _ in 0..<bug { harness.press(.right) }
        harness.press(.enter)
        #expect(harness.state.status?.text.contains("for Product bug") == true)
        let ticket = try #require(try harness.desk.database.tickets(TicketQuery(newestFirst: true)).rows.first?.ticket)
        #expect(ticket.subject == "Export fails on large files")
        #expect(ticket.priority == .high)
        let development = try #require(try harness.desk.database.teams().first { $0.name == "Development" })
        #expect(ticket.teamID == development.id)
    }

    @Test("c on a ticket changes its category and re-routes it to the category's team")
    func ticketCategory() throws {
        let harness = try DeskHarness(user: \.support)
        harness.press(.character("3"), .character("c"))
        let all = TicketCategory.allCases
        let from = all.firstIndex(of: .syncIssue)!
        let to = all.firstIndex(of: .dataProblem)!
        for _ in 0..<((to - from + all.count) % all.count) { harness.press(.right) }
        harness.press(.enter)
        let ticket = try #require(try harness.desk.database.tickets(TicketQuery(newestFirst: true)).rows.first?.ticket)
        #expect(ticket.category == .dataProblem)
        let data = try #require(try harness.desk.database.teams().first { $0.name == "Data" })
        #expect(ticket.teamID == data.id)
    }

    @Test("Ctrl-o hands a text field to $EDITOR and brings back what it wrote")
    func editorForLongNotes() throws {
        let harness = try DeskHarness(editor: ["EDITOR": "sed -i s/draft/final/"])
        harness.press(.character("f"), .tab, .tab, .tab)
        harness.type("a draft note")
        harness.press(.ctrl("o"))
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.value(.notes) == "a final note")
        #expect(form.error == nil)
    }

    @Test("a failing $EDITOR leaves the text as it was and says so")
    func failingEditor() throws {
        let harness = try DeskHarness(editor: ["EDITOR": "false"])
        harness.press(.character("f"), .tab)
        harness.type("keep me")
        harness.press(.ctrl("o"))
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.value(.subject) == "keep me")
        #expect(form.error?.contains("the editor 'false' failed") == true)
    }
}

@Suite("Follow-up ranges and board scopes")
struct ScopeTests {
    @Test("d narrows follow-ups to overdue, then today, then the next 7 days")
    func dueRanges() throws {
        let harness = try DeskHarness()
        harness.press(.character("4"))
        #expect(harness.followUpRows.count == 4)
        harness.press(.character("d"))
        #expect(harness.followUpRows.map(\.activity.subject) == ["Intro call"])
        harness.press(.character("d"))
        #expect(harness.followUpRows.map(\.activity.subject) == ["Intro call", "Send pricing"])
        harness.press(.character("d"))
        #expect(harness.followUpRows.map(\.activity.subject) == ["Send pricing", "Contract review", "Demo"])
        #expect(harness.screen.contains("due: next 7 days (d)"))
    }

    @Test("a manager's follow-ups list is the team's, with the owner shown")
    func managerSeesTeam() throws {
        let harness = try DeskHarness(user: \.manager)
        harness.press(.character("4"))
        #expect(harness.followUpRows.count == 4)
        #expect(harness.screen.contains("Team's planned follow-ups"))
        #expect(harness.screen.contains("OWNER"))
    }

    @Test("a rep's board opens on their deals and narrows to a named owner or team; an unknown name says so")
    func boardScopes() throws {
        let harness = try DeskHarness { desk in
            try DeskHarness.standardSeed(desk)
            try desk.lead("Kenji's Deal", company: "Other Co", owner: desk.otherRep)
        }
        harness.press(.character("5"))
        func boardCount() -> Int { harness.boardCount }
        #expect(boardCount() == 3)
        #expect(harness.screen.contains("Pipeline board · my deals"))
        harness.press(.character("/"))
        harness.type("kenji")
        harness.press(.enter)
        #expect(boardCount() == 1)
        #expect(harness.screen.contains("Pipeline board · kenji"))
        harness.press(.character("/"), .ctrl("u"))
        harness.type("Sales")
        harness.press(.enter)
        #expect(boardCount() == 4)
        harness.press(.character("/"), .ctrl("u"))
        harness.type("nobody")
        harness.press(.enter)
        #expect(harness.said.contains("no user or team called 'nobody'"))
        harness.dismiss()
        #expect(harness.screen.contains("Pipeline board · Sales"), "a name that fails leaves the board as it was, and says so")
        harness.press(.character("/"), .ctrl("u"))
        harness.type("fatima")
        harness.press(.enter)
        #expect(harness.said.contains("'fatima' is outside your team"), "a rep sees only their team's board")
        harness.dismiss()
        harness.press(.character("f"))
        #expect(harness.board.scope == .mine)
        #expect(boardCount() == 3)
        harness.press(.character("f"))
        #expect(harness.board.scope == .myTeam, "a rep's f has no step that changes nothing: mine, then my team")
        #expect(harness.screen.contains("Pipeline board · my team"))
        #expect(boardCount() == 4)
        harness.press(.character("f"))
        #expect(harness.board.scope == .mine)
    }

    @Test("a manager's board shows every team")
    func managerSeesEveryone() throws {
        let harness = try DeskHarness(user: \.manager) { desk in
            try DeskHarness.standardSeed(desk)
            try desk.lead("Elsewhere", company: "Far Co", owner: desk.admin)
        }
        harness.press(.character("5"))
        #expect(harness.screen.contains("Pipeline board · everyone"))
        #expect(harness.boardCount == 4)
    }
}

@Suite("Bulk actions and timelines")
struct BulkAndTimelineTests {
    @Test("Space marks follow-ups and r reschedules all of them with one reason, then the marks clear")
    func bulkReschedule() throws {
        let harness = try DeskHarness()
        harness.press(.character("4"), .character(" "), .character(" "))
        let marked = harness.followUps.list.marked
        #expect(marked.count == 2)
        #expect(harness.screen.contains("2 marked"))
        harness.press(.character("r"))
        harness.type("2026-12-01 10:00")
        harness.press(.tab)
        harness.type("Customer travelling")
        harness.press(.enter)
        #expect(harness.state.status?.text.contains("Rescheduled 2 follow-ups") == true)
        for id in marked {
            #expect(try harness.desk.database.activity(id)?.dueAt == utc(2026, 12, 1, 10))
            #expect(try harness.desk.database.rescheduleHistory(of: id).map(\.reason) == ["Customer travelling"])
        }
        #expect(harness.followUps.list.marked.isEmpty)
    }

    @Test("the lead screen's timeline shows the completed follow-up and the stage move, newest first")
    func leadTimeline() throws {
        let harness = try DeskHarness()
        harness.press(.character("c"))
        harness.type("Reached Jo")
        harness.press(.tab, .tab, .tab, .tab, .right, .right, .enter)
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"), .character("/"))
        harness.type("jo buyer")
        harness.press(.enter, .enter)
        let lines = harness.screen.split(separator: "\n").map(String.init)
        let timeline = try #require(lines.firstIndex { $0.contains("Timeline") })
        let after = lines[(timeline + 1)..<(lines.count - 1)].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let call = try #require(after.firstIndex { $0.contains("Ana Silva: Done Call: Intro call — Reached Jo") })
        let move = try #require(after.firstIndex { $0.contains("Moved from Open to First Contact") })
        let created = try #require(after.firstIndex { $0.contains("Created the lead (source: Manual entry)") })
        #expect(after.filter { $0.contains("Intro call") }.count == 1, "each event once")
        #expect(created > call && created > move, "newest first: the lead's creation comes last")
    }
}

@Suite("The mouse, when turned on")
struct MouseTests {
    @Test("a click on a tab opens that screen and the wheel moves the selection three rows")
    func clicksAndWheel() throws {
        let harness = try DeskHarness()
        let titles = DeskView.tabTitles(harness.state)
        let ticketsTab = try #require(harness.screen.split(separator: "\n").first?.range(of: titles[2]))
        let column = harness.screen.split(separator: "\n").first!.distance(from: harness.screen.startIndex, to: ticketsTab.lowerBound)
        harness.runtime.handle(.mouse(MouseEvent(x: column, y: 0, button: .left)))
        #expect(harness.state.current == .tickets)
        harness.runtime.handle(.mouse(MouseEvent(x: 1, y: 0, button: .left)))
        #expect(harness.state.current == .agenda)
        harness.runtime.handle(.mouse(MouseEvent(x: 10, y: 10, button: .wheelDown)))
        #expect(harness.agenda.list.selected == 3)
        harness.runtime.handle(.mouse(MouseEvent(x: 10, y: 10, button: .wheelUp)))
        #expect(harness.agenda.list.selected == 0)
    }

    @Test("the mouse does nothing while a form is open")
    func ignoredUnderForms() throws {
        let harness = try DeskHarness()
        harness.press(.character("f"))
        harness.runtime.handle(.mouse(MouseEvent(x: 20, y: 0, button: .left)))
        #expect(harness.state.current == .agenda)
        #expect(harness.state.modal != nil)
    }
}

@Suite("My Agenda's attention list")
struct AgendaAttentionTests {
    @Test("a ticket waiting for its first response is selectable on the agenda and Enter opens it")
    func ticketOpensFromAgenda() throws {
        let harness = try DeskHarness(user: \.support) { desk in
            let ticket = try desk.database.createTicket(NewTicket(subject: "Login loops", priority: .critical, category: .general), by: desk.support)
            try desk.database.assignTicket(ticket.id!, to: desk.support.id!, by: desk.support)
        }
        #expect(harness.screen.contains("T-000001 Login loops"))
        harness.press(.character("G"), .enter)
        #expect(harness.state.current == .ticketDetail)
        #expect(harness.screen.contains("T-000001  Login loops"))
    }
}

@Suite("The SLA column counts business time")
struct SLAColumnTests {
    @Test("a High ticket shows the minutes left, turns at risk at 48, breached at 60, and paused while waiting on the customer")
    func countdown() throws {
        let harness = try DeskHarness(user: \.support)
        harness.press(.character("3"))
        func slaCell() -> String {
            let row = harness.screen.split(separator: "\n").first { $0.contains("Sync stopped") }.map(String.init) ?? ""
            let start = row.range(of: "High")?.upperBound ?? row.endIndex
            return row[start...].trimmingCharacters(in: .whitespaces)
        }
        #expect(slaCell().hasPrefix("1h left "))
        harness.desk.clock.advance(by: 50 * 60)
        harness.runtime.tick()
        #expect(slaCell().hasPrefix("10m left "))
        harness.desk.clock.advance(by: 10 * 60)
        harness.runtime.tick()
        #expect(slaCell().hasPrefix("breached 23 Nov 11:00 "))
        let ticket = try #require(harness.ticketRows.first?.ticket)
        try harness.desk.database.assignTicket(ticket.id!, to: harness.desk.support.id!, by: harness.desk.support)
        try harness.desk.database.moveTicket(ticket.id!, to: .inProcess, by: harness.desk.support)
        try harness.desk.database.moveTicket(ticket.id!, to: .pendingAtCustomer, by: harness.desk.support)
        harness.press(.character("]"), .character("]"))
        #expect(harness.tickets.queue == .waitingOnCustomer)
        #expect(slaCell().hasPrefix("paused, target missed "))
    }
}

@Suite("Queue counts")
struct QueueCountTests {
    @Test("counts group thousands and say when they stopped counting", arguments: [(8_800, "8,800"), (999, "999"), (10_000, "10,000+"), (0, "0")])
    func counts(value: Int, text: String) {
        #expect(Format.count(value, cap: 10_000) == text)
    }
}
