import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI
import Testing
@testable import SalesDeskApp

/// `update` on its own: messages in, state and effects out, no database and no terminal.
@Suite("The update function without a database")
struct UpdateAloneTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func state(role: Role = .rep, readOnly: Bool = false) -> AppState {
        var user = User(handle: "ana", name: "Ana Silva", email: "ana@example.com", role: role)
        user.id = 1
        return AppState(session: DeskSession(user: user, people: [user], now: now, readOnly: readOnly), width: 100, height: 30, theme: .plain)
    }

    static func leadRow(_ id: Int64) -> LeadRow {
        let lead = Lead(id: id, contactID: id, accountID: nil, title: "Deal \(id)", source: .manual, ownerID: 1,
                        value: Money(minorUnits: 100_00, currency: .usd), stageEnteredAt: now, createdAt: now)
        return LeadRow(lead: lead, contactName: "Buyer \(id)", company: nil, ownerHandle: "ana", nextFollowUpAt: nil)
    }

    static func page(_ ids: ClosedRange<Int64>, more: Bool) -> Page<LeadRow> {
        let cursors = ids.map { PageCursor(sortValue: .integer($0), id: $0) }
        return Page(rows: ids.map(leadRow), next: more ? cursors.last : nil, cursors: cursors)
    }

    @Test("a number key shows its screen and asks for its data (from the top: it has never been read)")
    func numberKeyLoads() {
        var state = Self.state()
        let effects = DeskUpdate.update(&state, .key(.character("2")))
        #expect(state.current == .leads)
        #expect(effects == [.load(.leads, .reset)])
    }

    @Test("a loaded page fills the list, and moving near its end asks for the next page")
    func pagesOnDemand() {
        var state = Self.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        let loaded = LeadsScreen.Loaded(request: .first, page: Self.page(1...100, more: true), count: 250)
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, loaded))
        #expect(state.screen(LeadsScreen.self)?.list.rows.count == 100)
        var asked: [Effect] = []
        for _ in 0..<90 { asked += DeskUpdate.update(&state, .key(.character("j"))) }
        let cursor = PageCursor(sortValue: .integer(100), id: 100)
        #expect(asked == [.load(.leads, .page(.after(cursor)))], "one request, for the page after the last loaded row")
    }

    @Test("G asks for the last page, not every page before it")
    func bottomAsksForTheLastPage() {
        var state = Self.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, LeadsScreen.Loaded(request: .first, page: Self.page(1...100, more: true), count: 9_000)))
        #expect(DeskUpdate.update(&state, .key(.character("G"))) == [.load(.leads, .page(.last))])
    }

    @Test("after a write succeeds the form closes, the status says what happened and the screen re-reads")
    func afterAWrite() {
        var state = Self.state()
        state.modal = .form(FormFactory.newLead())
        let write = DeskWrite.createLead(LeadInput())
        let effects = DeskUpdate.update(&state, .wrote(write, "Created lead for Jo."))
        #expect(state.modal == nil)
        #expect(state.status == StatusMessage(text: "Created lead for Jo.", isError: false))
        #expect(effects == [.load(.agenda, .refresh)])
    }

    @Test("a refused write keeps the form open with its text and shows the reason inside it")
    func refusedWriteKeepsTheForm() {
        var state = Self.state()
        var form = FormFactory.newLead()
        form.setText(.contactName, "Jo Buyer")
        state.modal = .form(form)
        let effects = DeskUpdate.update(&state, .writeFailed(.createLead(LeadInput()), "Value: '12abc' is not an amount"))
        guard case .form(let shown)? = state.modal else { Issue.record("the form closed"); return }
        #expect(shown.value(.contactName) == "Jo Buyer")
        #expect(shown.error == "Value: '12abc' is not an amount")
        #expect(effects == [.bell])
    }

    @Test("a long error with no form open is shown whole in a dialog, not cut in the status line")
    func longErrorInADialog() {
        var state = Self.state()
        let text = String(repeating: "The database file is damaged and cannot be read; ", count: 4)
        _ = DeskUpdate.update(&state, .loadFailed(.agenda, .refresh, text))
        guard case .message(_, let shown, true, _)? = state.modal else { Issue.record("no dialog"); return }
        #expect(shown == text)
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.modal == nil)
    }

    @Test("a read-only desk's Leads footer offers no write keys")
    func readOnlyFooter() {
        var state = Self.state(readOnly: true)
        _ = DeskUpdate.update(&state, .key(.character("2")))
        let labels = CommandTable(state: state).footer.map(\.label)
        #expect(labels.contains("filter"))
        #expect(!labels.contains("move") && !labels.contains("new") && !labels.contains("edit"))
    }

    @Test("a support rep is not offered the sales keys on Leads; a rep is not offered triage keys on Tickets")
    func keysPerRole() {
        var support = Self.state(role: .support)
        _ = DeskUpdate.update(&support, .key(.character("2")))
        let supportNames = CommandTable(state: support).commandNames
        #expect(!supportNames.contains("move") && !supportNames.contains("follow-up") && supportNames.contains("filter"))
        var rep = Self.state(role: .rep)
        _ = DeskUpdate.update(&rep, .key(.character("3")))
        let names = CommandTable(state: rep).commandNames
        #expect(!names.contains("assign") && !names.contains("status") && names.contains("new-ticket"))
    }

    @Test(": completion lists the candidates and Tab cycles through them")
    func completionCycles() {
        var state = Self.state()
        _ = DeskUpdate.update(&state, .key(.character(":")))
        for character in "ne" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        #expect(state.modal.flatMap { if case .form(let form) = $0 { form.note } else { nil } }?.contains("next-screen") == true)
        var seen: [String] = []
        for _ in 0..<3 {
            _ = DeskUpdate.update(&state, .key(.tab))
            if case .form(let form)? = state.modal { seen.append(form.value(.command)) }
        }
        #expect(seen.count == 3 && seen[0] != seen[1] && seen[2] == seen[0], "Tab shows the next candidate, then cycles: \(seen)")
        #expect(Set(seen) == ["next-stage", "next-screen"])
    }
}

/// The key table: every command a screen declares has a key, a name and a help text, and every screen is reachable.
@Suite("The key table")
struct KeyTableTests {
    func checkActions<S: DeskScreen>(_ type: S.Type) {
        let bound = Set(S.bindings.map(\.action))
        for action in S.Action.allCases {
            #expect(bound.contains(action), "\(S.title): \(action.name) has no key")
            #expect(!action.summary.isEmpty && !action.name.isEmpty)
            #expect(!action.name.contains("_") && action.name == action.name.lowercased(), "\(action.name) is a : name")
        }
        var keys: [Key] = []
        for binding in S.bindings { keys += binding.keys }
        #expect(Set(keys).count == keys.count, "\(S.title) binds a key twice")
    }

    @Test("every command of every screen has a key and a help text, and no screen binds a key twice")
    func everyCommandIsBound() {
        checkActions(AgendaScreen.self)
        checkActions(LeadsScreen.self)
        checkActions(TicketsScreen.self)
        checkActions(FollowUpsScreen.self)
        checkActions(BoardScreen.self)
        checkActions(InboxScreen.self)
        checkActions(LeadDetailScreen.self)
        checkActions(TicketDetailScreen.self)
    }

    @Test("every tab is reached by its number key shown in the footer, and every record screen by Enter (open) on a list")
    func everyScreenIsReachable() {
        var state = UpdateAloneTests.state()
        for (index, tab) in ScreenRegistry.tabs.enumerated() {
            _ = DeskUpdate.update(&state, .key(.character(Character(String(index + 1)))))
            #expect(state.current == tab.id)
            #expect(CommandTable(state: state).footer.first?.key == "1-\(ScreenRegistry.tabs.count)")
        }
        let opened: Set<ScreenID> = [.leadDetail, .ticketDetail]
        let records = Set(ScreenRegistry.all.filter { !$0.isTab }.map(\.id))
        #expect(records == opened, "each record screen is opened by some list's Enter")
        for screen in [LeadsScreen.entries(for: state.session), TicketsScreen.entries(for: state.session)] {
            #expect(screen.contains { $0.name == "open" && $0.keys == [.enter] && $0.hint != nil })
        }
    }
}
