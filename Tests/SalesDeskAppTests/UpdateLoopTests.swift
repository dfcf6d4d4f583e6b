import Foundation
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("The update loop driven by keys")
struct UpdateLoopTests {
    @Test("a card move re-reads only the two columns it changed, the selection follows the card, and the board equals a full reload")
    func cardMoveReloadsTwoColumns() throws {
        let harness = try DeskHarness()
        harness.press(.character("5"))
        let first = try #require(harness.board.columns.first?.stage)
        let moved = try #require(harness.cards(first).first)
        harness.press(.character("L"))
        let target = harness.board.columns[1].stage
        #expect(try harness.desk.database.lead(moved.id)?.stage == target)
        #expect(harness.cards(target).contains { $0.id == moved.id }, "the card is in the next column")
        #expect(harness.selectedLeadID == moved.id, "the selection followed the card")
        #expect(harness.board.focus == 1, "and the focus moved to its column")
        #expect(harness.cards(.negotiation).count == 1, "an untouched column keeps its card")
        let fresh = try DeskRuntime(database: harness.desk.database, terminal: InMemoryTerminal(width: 120, height: 40), user: harness.desk.rep,
                                    theme: try ThemeLoader.load(named: "default", environment: [:]), now: { harness.desk.clock.date },
                                    loadTheme: { try ThemeLoader.load(named: $0, environment: [:]) }, editor: ExternalEditor(environment: [:]))
        fresh.handle(.key(.character("5")))
        let shape = { (board: BoardScreen) in
            board.columns.map { "\($0.stage.rawValue) \($0.count) \($0.totals.map(\.minorUnits)) \(Set(board.cards[$0.stage]?.rows.map(\.id) ?? []))" }
        }
        #expect(shape(harness.board) == shape(try #require(fresh.state.screen(BoardScreen.self))))
    }

    @Test("moving a board card to Lost asks for the reason, and cancelling changes nothing")
    func lostNeedsReasonOnTheBoard() throws {
        let harness = try DeskHarness { desk in
            let lead = try desk.lead("Won Soon")
            try desk.database.moveLead(lead.id!, to: .won, by: desk.rep)
        }
        harness.press(.character("5"))
        let wonColumn = try #require(harness.board.columns.firstIndex { $0.stage == .won })
        for _ in 0..<wonColumn { harness.press(.character("l")) }
        harness.press(.character("L"))
        guard case .form(let form) = harness.state.modal else { Issue.record("no reason form"); return }
        #expect(form.fields.contains { $0.id == .lossReason })
        harness.press(.escape)
        #expect(harness.state.modal == nil)
        #expect(try harness.desk.database.leads(LeadQuery(stages: [.lost])).rows.isEmpty)
    }

    @Test("Lost without a reason is refused inside the form, with the reasons listed")
    func lostWithoutReasonShowsRefusal() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("m"))
        harness.press(.left, .enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("Lost needs a reason: Price too high") == true)
        harness.press(.tab, .right, .enter)
        #expect(harness.state.modal == nil)
        #expect(try harness.desk.database.leads(LeadQuery(stages: [.lost])).rows.first?.lead.lossReason == .priceTooHigh)
    }

    @Test("completing a follow-up from the agenda records the outcome, schedules the next and moves the lead")
    func completeFromAgenda() throws {
        let harness = try DeskHarness()
        let overdue = try #require(harness.agenda.agenda?.sections.first { $0.section == .overdue }?.items.first)
        harness.press(.character("c"))
        harness.type("Reached Jo")
        harness.press(.tab, .tab, .tab)
        harness.type("+2d")
        harness.press(.tab, .right, .right, .enter)
        #expect(harness.state.modal == nil)
        #expect(harness.state.status?.text.contains("Completed “Intro call”") == true)
        let activity = try #require(try harness.desk.database.activity(overdue.id))
        #expect(activity.state == .done)
        #expect(activity.outcome == "Reached Jo")
        let lead = try #require(try harness.desk.database.lead(1))
        #expect(lead.stage == .firstContact)
        #expect(harness.screen.contains("Overdue (0)"))
    }

    @Test("a bad time in the reschedule form keeps the form open with the reason")
    func rescheduleValidation() throws {
        let harness = try DeskHarness()
        harness.press(.character("r"))
        harness.type("someday")
        harness.press(.tab)
        harness.type("busy")
        harness.press(.enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("'someday' is not a time") == true)
    }

    @Test("the / filter narrows the queue as you type, by words and field:value")
    func filter() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .right, .right, .right)
        #expect(harness.leadRows.count == 3)
        harness.press(.character("/"))
        harness.type("stage:negotiation")
        #expect(harness.leadRows.map(\.contactName) == ["Sam Seller"])
        harness.press(.enter)
        #expect(harness.screen.contains("filter: stage:negotiation"))
        harness.press(.character("/"), .ctrl("u"))
        harness.type("acme")
        harness.press(.enter)
        #expect(harness.leadRows.map(\.contactName) == ["Jo Buyer"])
    }

    @Test("a bad filter says what is wrong")
    func badFilter() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .character("/"))
        harness.type("colour:red")
        #expect(harness.screen.contains("there is no field 'colour:'"), "shown under the filter line while typing")
        harness.press(.ctrl("u"))
        harness.type("stage:won")
        #expect(!harness.screen.contains("no field"), "a filter that parses clears the message")
        harness.press(.ctrl("u"))
        harness.type("colour:red")
        harness.press(.enter)
        #expect(harness.state.status?.text.contains("there is no field 'colour:'") == true)
    }

    @Test("triage: a support rep assigns and cycles priority on a ticket")
    func triage() throws {
        let harness = try DeskHarness(user: \.support)
        harness.press(.character("3"))
        #expect(harness.screen.contains("Sync stopped"))
        harness.press(.character("p"), .character("a"))
        harness.choose("(fatima)")
        harness.press(.enter)
        let ticket = try #require(try harness.desk.database.ticket(1))
        #expect(ticket.assigneeID == harness.desk.support.id)
        #expect(ticket.status == .assigned)
        #expect(ticket.priority == .critical)
    }

    @Test("Ctrl-c with unsaved form input asks before quitting")
    func quitConfirmation() throws {
        let harness = try DeskHarness()
        harness.press(.character("c"))
        harness.type("half-typed")
        harness.press(.ctrl("c"))
        guard case .confirmQuit = harness.state.modal else { Issue.record("no question"); return }
        #expect(harness.state.isRunning)
        harness.press(.character("n"))
        #expect(harness.form?.value(.outcome) == "half-typed", "no keeps the form and its text")
        harness.press(.ctrl("c"), .character("y"))
        #expect(!harness.state.isRunning)
    }

    @Test(":q quits and :theme switches the theme; Tab completes commands")
    func commandLine() throws {
        let harness = try DeskHarness()
        harness.press(.character(":"))
        harness.type("theme mono")
        harness.press(.enter)
        #expect(harness.state.theme.name == "mono")
        harness.press(.character(":"))
        harness.type("boa")
        harness.press(.tab, .enter)
        #expect(harness.state.current == .board)
        harness.press(.character(":"), .character("q"), .enter)
        #expect(!harness.state.isRunning)
    }

    @Test("a change made by another connection shows on the next tick, and the selection stays on its record")
    func liveData() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .right, .right, .right, .character("j"))
        let selected = try #require(harness.selectedLeadID)
        let other = try AppDatabase.open(path: harness.desk.temporary.path, now: harness.desk.clock.now)
        harness.desk.clock.advance(by: -86_400 * 30)
        try other.createLead(NewLead(contactName: "Arrived Elsewhere", ownerID: harness.desk.rep.id!), by: harness.desk.rep)
        harness.desk.clock.advance(by: 86_400 * 30)
        harness.runtime.tick()
        #expect(harness.leadRows.contains { $0.contactName == "Arrived Elsewhere" })
        #expect(harness.selectedLeadID == selected)
    }

    @Test("opening a lead shows its detail and Esc returns to the queue")
    func detailAndBack() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .right, .right, .right, .enter)
        #expect(harness.screen.contains("Timeline"))
        harness.press(.escape)
        #expect(harness.state.current == .leads)
    }
}
