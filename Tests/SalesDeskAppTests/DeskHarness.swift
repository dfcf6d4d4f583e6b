import Foundation
import SalesDeskApp
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing

/// A desk running on an in-memory terminal over a temporary database with a fixed clock.
final class DeskHarness {
    let desk: DeskFixture
    let terminal: InMemoryTerminal
    let runtime: DeskRuntime

    /// - Parameters:
    ///   - user: who is signed in.
    ///   - editor: the environment `$EDITOR` comes from.
    init(width: Int = 120, height: Int = 40, theme: String = "default", capability: ColorCapability = .indexed256,
         user: KeyPath<DeskFixture, User> = \.rep, editor: [String: String] = [:],
         seed: (DeskFixture) throws -> Void = DeskHarness.standardSeed) throws {
        desk = try DeskFixture(now: utc(2026, 11, 23, 10))
        try seed(desk)
        terminal = InMemoryTerminal(width: width, height: height, colorCapability: capability)
        let clock = desk.clock
        runtime = try DeskRuntime(database: desk.database, terminal: terminal, user: desk[keyPath: user],
                                  theme: try ThemeLoader.load(named: theme, environment: [:]),
                                  now: { clock.date }, loadTheme: { try ThemeLoader.load(named: $0, environment: [:]) },
                                  editor: ExternalEditor(environment: editor))
    }

    /// A small, fixed day for Ana: leads in several stages, follow-ups in every agenda section, a ticket.
    static func standardSeed(_ desk: DeskFixture) throws {
        let now = desk.clock.date
        let jo = try desk.lead("Jo Buyer", company: "Acme Ltd", value: 1_250_000)
        let mei = try desk.lead("田中太郎", company: "株式会社ミライ", value: 880_000)
        let sam = try desk.lead("Sam Seller", company: "Globex", value: 4_200_000)
        try desk.database.moveLead(sam.id!, to: .negotiation, by: desk.rep)
        for (lead, subject, offset) in [(jo, "Intro call", -7200.0), (mei, "Send pricing", 3600.0), (sam, "Contract review", 26 * 3600.0), (jo, "Demo", 4 * 86_400.0)] {
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: subject, dueAt: now.addingTimeInterval(offset), record: .lead(lead.id!)), by: desk.rep)
        }
        try desk.database.createTicket(NewTicket(subject: "Sync stopped", priority: .high, category: .syncIssue), by: desk.support)
    }

    func press(_ keys: Key...) {
        for key in keys { runtime.handle(.key(key)) }
    }

    func type(_ text: String) {
        for character in text { runtime.handle(.key(.character(character))) }
    }

    var screen: String { runtime.render().text }
}

/// Compares a screen's text with `__Snapshots__/NAME.txt`; `SNAPSHOT_RECORD=1` writes the file instead.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
        try text.write(to: file, atomically: true, encoding: .utf8)
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] != "1" {
            Issue.record("Recorded a new snapshot \(name); check it and run again.", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "screen differs from __Snapshots__/\(name).txt", sourceLocation: sourceLocation)
}

/// Reading the desk's state in tests: the screens' own states by type.
extension DeskHarness {
    var state: AppState { runtime.state }
    var leads: LeadsScreen { state.screen(LeadsScreen.self) ?? LeadsScreen(session: state.session, record: nil) }
    var tickets: TicketsScreen { state.screen(TicketsScreen.self) ?? TicketsScreen(session: state.session, record: nil) }
    var followUps: FollowUpsScreen { state.screen(FollowUpsScreen.self) ?? FollowUpsScreen(session: state.session, record: nil) }
    var agenda: AgendaScreen { state.screen(AgendaScreen.self) ?? AgendaScreen(session: state.session, record: nil) }
    var board: BoardScreen { state.screen(BoardScreen.self) ?? BoardScreen(session: state.session, record: nil) }
    var leadRows: [LeadRow] { leads.list.rows }
    var ticketRows: [TicketRow] { tickets.list.rows }
    var followUpRows: [FollowUpRow] { followUps.list.rows }
    var selectedLeadID: Int64? { state.selection.leadID }
    var selectedActivity: Activity? { state.selection.activity }
    /// Deals on the board, counted from its columns' totals.
    var boardCount: Int { board.columns.reduce(0) { $0 + $1.count } }

    /// The cards loaded in a board column.
    func cards(_ stage: StageKey) -> [LeadRow] { board.cards[stage]?.rows ?? [] }

    /// What the desk last said: the status line, a message dialog, or the open form's error.
    var said: String {
        if case .message(_, let text, _, _)? = state.modal { return text }
        return form?.error ?? state.status?.text ?? ""
    }

    /// Closes a message dialog, if one is open.
    func dismiss() {
        if case .message? = state.modal { press(.enter) }
    }

    /// The open form, if one is open.
    var form: FormState? {
        if case .form(let form)? = state.modal { return form }
        return nil
    }

    /// Presses → on the focused choice until its value contains `text` (at most 30 times).
    func choose(_ text: String) {
        for _ in 0..<30 {
            guard let field = form?.focused, !field.value.contains(text) else { return }
            press(.right)
        }
    }
}
