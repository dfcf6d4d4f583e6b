import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Hostile text and a restless terminal, against the real binary in tmux.
@Suite("The desk under hostile text and resizing", .serialized, .enabled(if: TmuxSession.isAvailable && BuiltBinary.path != nil))
struct TerminalFaultTests {
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{1B}[?1049l"

    /// The desk as ana on the fixture's database (or `path`), started through `runAs` (e.g. `setpriv …`).
    private func start(_ desk: DeskFixture, path: String? = nil, runAs: String = "") throws -> TmuxSession {
        let binary = try #require(BuiltBinary.path)
        return try TmuxSession(command: """
            TERM=xterm-256color SALESDESK_USER=ana SALESDESK_NOW=2026-11-23T10:00:00Z XDG_CONFIG_HOME=\(desk.temporary.directory.path) \
            \(runAs)\(binary) --db \(path ?? desk.temporary.path); echo DESK-EXITED; sleep 60
            """)
    }

    /// Every escape the raw capture holds is one tmux itself emits for colours (`ESC [ … m`).
    private func onlyColourEscapes(_ raw: String) -> Bool {
        raw.components(separatedBy: "\u{1B}").dropFirst().allSatisfy { part in
            guard part.hasPrefix("[") else { return false }
            let body = part.dropFirst().prefix { $0.isNumber || $0 == ";" || $0 == ":" }
            return part.dropFirst(1 + body.count).hasPrefix("m")
        }
    }

    @Test("escape sequences in every text field show as harmless placeholders on every screen")
    func escapesInEveryField() throws {
        let desk = try DeskFixture()
        let p = Self.payload
        let lead = try desk.database.createLead(NewLead(
            contactName: "Name\(p)", email: "x@example.com", jobTitle: "Title\(p)", company: "Company\(p)", dealTitle: "Deal\(p)",
            ownerID: desk.rep.id!, tags: ["tag\(p)"]), by: desk.manager)
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Subject\(p)", notes: "Notes\(p)", dueAt: desk.clock.date,
                                                       record: .lead(lead.id!)), by: desk.rep)
        let ticket = try desk.database.createTicket(NewTicket(subject: "Ticket\(p)", description: "Description\(p)"), by: desk.support)
        try desk.database.commentOnTicket(ticket.id!, body: "Comment\(p)", customerVisible: true, by: desk.support)
        let tmux = try start(desk)
        try tmux.waitFor("My Agenda —")
        let visits: [(keys: [String], marker: String)] = [
            ([], "Subject␛"), (["2"], "Name␛"), (["Enter"], "Title␛"), (["Escape", "3"], "Ticket␛"), (["Enter"], "Comment␛"),
            (["Escape", "4"], "Subject␛"), (["5"], "pwned␇"), (["6"], "Name␛"),
        ]
        for visit in visits {
            for key in visit.keys { try tmux.send(key) }
            let screen = try tmux.waitFor(visit.marker)
            #expect(screen.contains(visit.marker), "\(visit.keys) did not show \(visit.marker):\n\(screen)")
            let raw = try tmux.capture(escapes: true)
            #expect(onlyColourEscapes(raw), "\(visit.keys): an injected sequence reached the terminal")
            #expect(try tmux.display("#{pane_title}") != "pwned")
            #expect(try tmux.display("#{alternate_on}") == "1", "the desk is still on its own screen")
        }
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
    }

    @Test("resizing the terminal over and over while typing in a form loses no keystroke")
    func resizeWhileTyping() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        let call = try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Only call", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        let tmux = try start(desk)
        try tmux.waitFor("Only call")
        try tmux.send("c")
        try tmux.waitFor("Complete:")
        let sizes = [(60, 15), (20, 6), (133, 41), (80, 24), (33, 9), (100, 30), (41, 12)]
        var typed = ""
        for round in 0..<21 {
            let chunk = "w\(round)é "
            try tmux.send(chunk, literal: true)
            typed += chunk
            let size = sizes[round % sizes.count]
            try tmux.resize(width: size.0, height: size.1)
        }
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("w20é")
        try tmux.send("Enter")
        try tmux.waitFor("Completed follow-up")
        let outcome = try desk.database.activity(call.id!)?.outcome
        #expect(outcome == typed, "typed \(typed.debugDescription), saved \(String(describing: outcome).debugDescription)")
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
    }

    @Test("a database file the user may not write opens read-only in the desk, which says so and refuses changes")
    func readOnlyFile() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead()
        try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Only call", dueAt: desk.clock.date, record: .lead(lead.id!)), by: desk.rep)
        let folder = desk.temporary.directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("desk.sqlite").path
        try desk.database.backup(to: path)
        // Root ignores file modes, so as root the desk runs as `nobody`, who owns the file (so its
        // SALESDESK_USER=ana is honoured) but may not write it; otherwise the modes alone make it read-only.
        let asRoot = getuid() == 0
        if asRoot {
            for item in [path, folder.path] { try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: item) }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let binary = try #require(BuiltBinary.path)
        let runAs = asRoot ? "setpriv --reuid 65534 --regid 65534 --clear-groups " : ""
        let tmux = try start(desk, path: path, runAs: runAs)
        #expect(try tmux.waitFor("read-only").contains("The database is read-only: you can look, not change."))
        #expect(try tmux.waitFor("Only call").contains("Only call"))
        let screen = try tmux.capture()
        #expect(!screen.contains(" c complete") && !screen.contains(" r reschedule"), "a read-only desk offers no key that writes:\n\(screen)")
        try tmux.send("c")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!(try tmux.capture()).contains("Complete:"), "c opens nothing")
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
        let listing = try ChildProcess.run("/bin/sh", ["-c", "\(runAs)\(binary) lead list --db \(path)"],
                                           environment: ProcessInfo.processInfo.environment.merging(["SALESDESK_USER": "ana"]) { $1 })
        #expect(listing.status == 0, "read verbs work on a read-only file: \(listing.stderr)")
        #expect(try AppDatabase.open(path: path, allowReadOnly: true).activity(1)?.state == .planned)
    }
}
