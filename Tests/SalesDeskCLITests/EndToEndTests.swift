import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// The real binary in a real terminal (tmux): visit every screen, complete a follow-up, move a board
/// card, filter a queue, quit, and check the terminal was restored.
@Suite("The desk end to end in tmux", .serialized, .enabled(if: TmuxSession.isAvailable && BuiltBinary.path != nil))
struct EndToEndTests {
    let temporary: TemporaryDatabase

    init() throws {
        temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 3, now: temporary.clock.date).generate(into: temporary.database)
    }

    private func start(environment: String = "") throws -> TmuxSession {
        let binary = try #require(BuiltBinary.path)
        let command = "\(environment) TERM=xterm-256color SALESDESK_NOW=2026-11-23T10:00:00Z XDG_CONFIG_HOME=\(temporary.directory.path) \(binary) --db \(temporary.path) --as ana; echo DESK-EXITED; sleep 60"
        return try TmuxSession(command: command)
    }

    @Test("a rep visits every screen, completes a follow-up, moves a card, filters, and quits cleanly")
    func workTheDay() throws {
        let tmux = try start()
        #expect(try tmux.waitFor("My Agenda —").contains("Overdue ("))
        for (key, marker) in [("2", "New to contact"), ("3", "Untriaged"), ("4", "Planned follow-ups"), ("5", "Pipeline board"), ("6", "Inbox"), ("1", "My Agenda —")] {
            try tmux.send(key)
            #expect(try tmux.waitFor(marker).contains(marker), "screen \(key) did not show \(marker)")
        }
        try tmux.send("c")
        try tmux.waitFor("Complete:")
        try tmux.send("Left a voicemail", literal: true)
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Completed “").contains("Completed “"))
        try tmux.send("5")
        try tmux.waitFor("Pipeline board")
        try tmux.send("L")
        #expect(try tmux.waitFor("Moved 1 lead to First Contact").contains("Moved 1 lead"))
        try tmux.send("2")
        try tmux.waitFor("New to contact")
        try tmux.send("]", "]", "]", "/")
        try tmux.send("stage:connected", literal: true)
        try tmux.send("Enter")
        let filtered = try tmux.waitFor("filter: stage:connected")
        #expect(filtered.contains("Connected"))
        #expect(!filtered.contains("is not a stage"))
        #expect(!filtered.contains(" Open "))
        try tmux.send("C-c")
        #expect(try tmux.waitFor("DESK-EXITED").contains("DESK-EXITED"))
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(try temporary.database.leads(LeadQuery(stages: [.firstContact])).rows.isEmpty == false)
    }

    @Test("escape sequences in names neither reach the terminal nor change its title")
    func escapesAreHarmless() throws {
        let ana = try #require(try temporary.database.user(handle: "ana"))
        try temporary.database.createLead(NewLead(contactName: "Zed\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}", ownerID: ana.id!), by: ana)
        let tmux = try start()
        try tmux.waitFor("My Agenda —")
        try tmux.send("2")
        let screen = try tmux.waitFor("Zed")
        #expect(screen.contains("Zed␛]0;pwned␇"))
        let raw = try tmux.capture(escapes: true)
        #expect(!raw.contains("\u{1B}]"))
        #expect(!raw.contains("\u{1B}[2J"))
        #expect(try tmux.display("#{pane_title}") != "pwned")
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
    }

    @Test("a resize to 20×6 shows the too-small message and growing back redraws the desk")
    func resize() throws {
        let tmux = try start()
        try tmux.waitFor("My Agenda —")
        try tmux.resize(width: 20, height: 6)
        let small = try tmux.waitFor("too small")
        #expect(small.contains("have 20×6"), "\(small)")
        try tmux.resize(width: 100, height: 30)
        #expect(try tmux.waitFor("My Agenda —").contains("My Agenda —"))
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
    }

    @Test("in a locale that is not UTF-8 every cell is plain ASCII: frames, markers and names alike")
    func asciiLocale() throws {
        let ana = try #require(try temporary.database.user(handle: "ana"))
        try temporary.database.createLead(NewLead(contactName: "Zoë Müller 田中", company: "Øresund", ownerID: ana.id!), by: ana)
        let tmux = try start(environment: "LC_ALL=C LANG=C")
        try tmux.waitFor("My Agenda -")
        try tmux.send("2", "?")
        let screen = try tmux.waitFor("+- Help")
        #expect(screen.contains("+- Help - Leads"))
        let allASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
        try tmux.send("Escape", "/")
        try tmux.send("zoe", literal: true)
        #expect(try tmux.waitFor("Zoe Muller ??").contains("Zoe Muller ????"))
        try tmux.send("C-c", "C-c")
        try tmux.waitFor("DESK-EXITED")
    }
}
