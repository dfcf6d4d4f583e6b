import Foundation
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

/// What a new user hit in the first hour, each kept from coming back.
@Suite("Defects a new user hit")
struct DeskDefectTests {
    @Test("after assigning a ticket on its screen, s offers the moves of Assigned, and choosing one works")
    func ticketStatusAfterAssign() throws {
        let harness = try DeskHarness(user: \.support)
        harness.press(.character("3"), .enter)
        #expect(harness.state.current == .ticketDetail)
        harness.press(.character("a"))
        harness.choose("(fatima)")
        harness.press(.enter)
        #expect(try harness.desk.database.ticket(1)?.status == .assigned)
        harness.press(.character("s"))
        let form = try #require(harness.form)
        #expect(form.title.contains("is Assigned"))
        guard case .choice(let options, _) = form.fields[0].kind else { Issue.record("no status choice"); return }
        #expect(options == TicketFlow.standard.nextStatuses(from: .assigned).map(\.label))
        harness.press(.enter)
        #expect(harness.form == nil, "the move worked: \(harness.said)")
        #expect(try harness.desk.database.ticket(1)?.status == TicketFlow.standard.nextStatuses(from: .assigned).first)
    }

    @Test("the stage picker starts at the lead's own stage and names the lead and its stage")
    func stagePickerStartsAtTheStage() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"), .character("/"))
        harness.type("stage:negotiation")
        harness.press(.enter, .character("m"))
        let form = try #require(harness.form)
        #expect(form.title == "Move Sam Seller (now Negotiation)")
        #expect(form.value(.stage) == "Negotiation")
        harness.press(.right, .enter)
        #expect(try harness.desk.database.lead(3)?.stage == .integrationApproved, "Right + Enter moves forward, never back")
    }

    @Test("> moves a lead to the next stage in one key")
    func nextStageKey() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"))
        let id = try #require(harness.selectedLeadID)
        harness.press(.character(">"))
        #expect(try harness.desk.database.lead(id)?.stage == .firstContact)
    }

    @Test("an unknown owner or team on the board says so and leaves the board and its title as they were")
    func boardNameThatFails() throws {
        let harness = try DeskHarness(user: \.manager)
        harness.press(.character("5"), .character("/"))
        harness.type("ana")
        harness.press(.enter)
        let before = harness.board.columns.map(\.count)
        #expect(harness.screen.contains("Pipeline board · ana"))
        harness.press(.character("/"), .ctrl("u"))
        harness.type("APAC")
        harness.press(.enter)
        #expect(harness.said.contains("no user or team called 'APAC'"))
        harness.dismiss()
        #expect(harness.screen.contains("Pipeline board · ana"), "the title still names what is shown")
        #expect(harness.board.columns.map(\.count) == before)
    }

    @Test("filter values: stage names by prefix in any case, quoted names, and errors that list what is valid",
          arguments: [
            ("stage:neg", nil as String?), ("stage:NEGOTIATION", nil), ("stage:\"negotiation\"", nil),
            ("stage:\"proposal sent\"", nil), ("stage:zzz", "stages: Open, First Contact"),
            ("owner:bob", "owners: "), ("score:abc", "give a number from 0 to 100"), ("colour:red", "there is no field 'colour:'"),
          ])
    func filterValues(text: String, error: String?) throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("/"))
        #expect(harness.screen.contains("Filter /"), "the prompt is visible")
        harness.type(text)
        if let error {
            #expect(harness.leads.prompt?.error?.contains(error) == true, "\(text): \(harness.leads.prompt?.error ?? "no error")")
            #expect(harness.screen.contains(error))
        } else {
            #expect(harness.leads.prompt?.error == nil, "\(text): \(harness.leads.prompt?.error ?? "")")
            #expect(harness.leads.filter.stage != nil)
        }
    }

    @Test("a one-letter word is not searched yet (the list stays), two letters are")
    func oneLetterWaits() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"))
        let all = harness.leadRows.count
        harness.press(.character("/"))
        harness.type("a")
        #expect(harness.leadRows.count == all)
        harness.type("c")
        #expect(harness.leadRows.map(\.contactName) == ["Jo Buyer"], "'ac' matches Acme Ltd")
    }

    @Test("Esc clears the filter, in the prompt and on the list")
    func escapeClears() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"))
        let all = harness.leadRows.count
        harness.press(.character("/"))
        harness.type("acme")
        harness.press(.enter)
        #expect(harness.leadRows.count == 1)
        harness.press(.escape)
        #expect(harness.leads.filterText.isEmpty)
        #expect(harness.leadRows.count == all)
        harness.press(.character("/"))
        harness.type("acme")
        harness.press(.escape)
        #expect(harness.leads.prompt == nil && harness.leads.filterText.isEmpty)
        #expect(harness.leadRows.count == all)
    }

    @Test("NO_COLOR: ordinary text is drawn plain, only the selection and bars in reverse video")
    func noColorIsNotInverse() throws {
        let harness = try DeskHarness(theme: "default", capability: .monochrome)
        let grid = harness.runtime.render()
        let text = try #require(grid.textLines().firstIndex { $0.contains("Today (") })
        #expect(!grid[3, text].style.attributes.contains(.reverse), "a section header is not inverse")
        let selected = try #require(grid.textLines().firstIndex { $0.hasPrefix("▶") })
        #expect(grid[3, selected].style.attributes.contains(.reverse), "the selection is")
    }

    @Test("help scrolls at 80×24 to its last command")
    func helpScrolls() throws {
        let harness = try DeskHarness(width: 80, height: 24)
        harness.press(.character("2"), .character("?"))
        let entries = CommandTable(state: harness.state).entries
        #expect(entries.count > 18, "more commands than rows")
        let last = try #require(entries.last)
        #expect(!harness.screen.contains("(:\(last.name))"))
        harness.press(.end)
        #expect(harness.screen.contains("(:\(last.name))"), "the last command's last line is on screen")
        #expect(harness.screen.contains("↑/↓ scroll"))
    }

    @Test("the status line warns while no scheduler has run, and stops when one has")
    func schedulerWarning() throws {
        #expect(DeskScheduling.warning(heartbeat: nil, at: Date(), staleAfter: 300)?.contains("No scheduler has ever run") == true)
        let now = Date()
        #expect(DeskScheduling.warning(heartbeat: now.addingTimeInterval(-240 * 60), at: now, staleAfter: 300)?.contains("240 min") == true)
        #expect(DeskScheduling.warning(heartbeat: now.addingTimeInterval(-60), at: now, staleAfter: 300) == nil)
        let harness = try DeskHarness()
        harness.runtime.send(.schedulerHealth("No scheduler has run for 4 min: reminders are not firing."))
        #expect(harness.screen.contains("⚠ No scheduler has run for 4 min"))
        harness.runtime.send(.schedulerHealth(nil))
        #expect(!harness.screen.contains("No scheduler"))
    }

    @Test("numbers: thousands separators, currencies, and one of a thing is singular")
    func numbers() {
        #expect(Format.count(1, "ticket") == "1 ticket")
        #expect(Format.count(2, "ticket") == "2 tickets")
        #expect(Format.count(52_994, "deal") == "52,994 deals")
        #expect(Format.count(10_000, "lead", cap: 10_000) == "10,000+ leads")
        #expect(Money(minorUnits: 1_250_000, currency: .eur).description == "12,500.00 EUR")
    }

    @Test("c picks the next follow-up's type and subject; L logs a call with no follow-up")
    func completeAndLog() throws {
        let harness = try DeskHarness()
        let overdue = try #require(harness.selectedActivity)
        harness.press(.character("c"))
        harness.type("Talked")
        harness.press(.tab)
        harness.choose("Email")
        harness.press(.tab, .ctrl("u"))
        harness.type("Send the proposal")
        harness.press(.tab)
        harness.type("+1d")
        harness.press(.enter)
        #expect(harness.form == nil, "\(harness.said)")
        let planned = try harness.desk.database.followUps(FollowUpQuery(ownerIDs: [harness.desk.rep.id!]), limit: 50).rows.map(\.activity)
        let next = try #require(planned.first { $0.subject == "Send the proposal" })
        #expect(next.type == .email && next.record == overdue.record)
        let before = planned.count
        harness.press(.character("L"))
        harness.press(.tab)
        harness.type("Quick check-in")
        harness.press(.tab)
        harness.type("All good")
        harness.press(.enter)
        #expect(harness.said.contains("Logged call “Quick check-in”"))
        #expect(try harness.desk.database.followUps(FollowUpQuery(ownerIDs: [harness.desk.rep.id!]), limit: 50).rows.count == before)
        #expect(try harness.desk.count("activity", where: "subject = 'Quick check-in' AND state = 'done'") == 1)
    }
}

@Suite("Dialogs with long text")
struct DialogTests {
    static let longError = "Not permitted: ana (Sales rep) may change follow-ups only for their own records; follow-up #42 belongs to someone else. Ask its owner or a Manager or Admin to do it, or reassign the lead first."

    @Test("a long error in a form wraps inside the dialog: every word is on screen", arguments: [(80, 24, "default"), (120, 40, "default"), (80, 24, "mono"), (120, 40, "mono")])
    func longErrorWraps(width: Int, height: Int, theme: String) throws {
        let harness = try DeskHarness(width: width, height: height, theme: theme)
        harness.press(.character("r"))
        harness.runtime.send(.writeFailed(.snoozeFollowUp(1), Self.longError))
        let screen = harness.screen
        for word in Self.longError.split(separator: " ") { #expect(screen.contains(word), "'\(word)' is cut off") }
        try expectSnapshot(screen, named: "dialog-long-error-\(width)x\(height)-\(theme)")
    }
}

@Suite("Search, periods and history on the desk")
struct DeskFindingTests {
    @Test("/ on Tickets searches by number, subject and account; Esc clears")
    func ticketSearch() throws {
        let harness = try DeskHarness(user: \.support) { desk in
            try DeskHarness.standardSeed(desk)
            try desk.database.createTicket(NewTicket(subject: "Invoice missing", priority: .normal, category: .general), by: desk.support)
        }
        harness.press(.character("3"), .character("]"), .character("]"), .character("]"), .character("]"))
        #expect(harness.ticketRows.count == 2)
        harness.press(.character("/"))
        #expect(harness.screen.contains("Filter /"))
        harness.type("invoice")
        #expect(harness.ticketRows.map(\.ticket.subject) == ["Invoice missing"])
        harness.press(.ctrl("u"))
        harness.type("T-000001")
        #expect(harness.ticketRows.map(\.ticket.subject) == ["Sync stopped"])
        harness.press(.enter, .escape)
        #expect(harness.ticketRows.count == 2)
    }

    @Test("p on the board shows Won and Lost for this month, this quarter or all time")
    func boardPeriod() throws {
        let harness = try DeskHarness(user: \.manager) { desk in
            try DeskHarness.standardSeed(desk)
            let old = try desk.lead("Won Long Ago")
            desk.clock.advance(by: -200 * 86_400)
            try desk.database.moveLead(old.id!, to: .won, by: desk.manager)
            desk.clock.advance(by: 200 * 86_400)
            let recent = try desk.lead("Won Today")
            try desk.database.moveLead(recent.id!, to: .won, by: desk.manager)
        }
        harness.press(.character("5"))
        func won() -> Int { harness.board.columns.first { $0.stage == .won }?.count ?? -1 }
        #expect(harness.screen.contains("Won and Lost: this month"))
        #expect(won() == 1)
        harness.press(.character("p"))
        #expect(harness.screen.contains("Won and Lost: this quarter"))
        harness.press(.character("p"))
        #expect(harness.screen.contains("Won and Lost: all time"))
        #expect(won() == 2)
    }

    @Test("an acknowledged inbox item moves to Earlier instead of vanishing")
    func inboxEarlier() throws {
        let harness = try DeskHarness { desk in
            try DeskHarness.standardSeed(desk)
            let created = Int64(desk.clock.date.timeIntervalSince1970) - 60
            try desk.database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO notification (user_id, kind, record_kind, record_id, title, created_at)
                    VALUES (?, 'reminder', 'lead', 1, 'Call Jo at 10:00', ?)
                    """, arguments: [desk.rep.id!, created])
            }
        }
        harness.press(.character("6"))
        #expect(harness.screen.contains("Call Jo at 10:00"))
        harness.press(.character("x"))
        #expect(!harness.screen.contains("Call Jo at 10:00"))
        harness.press(.character("e"))
        #expect(harness.screen.contains("earlier (acknowledged)"))
        #expect(harness.screen.contains("Call Jo at 10:00"))
    }
}
