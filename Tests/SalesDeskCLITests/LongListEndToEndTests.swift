import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// The real binary in tmux on 100,000 leads: scroll to the true end of a queue, back up, filter, clear.
@Suite("A long queue end to end in tmux", .serialized, .enabled(if: TmuxSession.isAvailable && BuiltBinary.path != nil))
struct LongListEndToEndTests {
    @Test("G reaches the true end of a rep's 100,000-lead queue, k moves the highlight back up, / filters and Esc clears")
    func scrollToTheEndAndBack() throws {
        let temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .medium, seed: 5, now: temporary.clock.date).generate(into: temporary.database)
        let ana = try #require(try temporary.database.user(handle: "ana"))
        let binary = try #require(BuiltBinary.path)
        let command = "NO_COLOR=1 TERM=xterm-256color SALESDESK_NOW=2026-11-23T10:00:00Z XDG_CONFIG_HOME=\(temporary.directory.path) \(binary) --db \(temporary.path) --as ana; echo DESK-EXITED; sleep 60"
        let tmux = try TmuxSession(command: command, width: 120, height: 30)
        try tmux.waitFor("My Agenda —")
        try tmux.send("2", "]", "]", "]")
        try tmux.waitFor("sorted by days in stage")
        try tmux.send("G")
        #expect(try waitForBottomHighlight(in: tmux), "G selects the bottom row")
        let query = LeadQuery(ownerIDs: [ana.id!], sort: .staleness)
        let last = try #require(try temporary.database.leads(query, page: .last, limit: 3).rows.map(\.contactName).reversed().map { $0 })
        let selected = highlighted(try tmux.capture(escapes: true)) ?? ""
        #expect(selected.contains(last[0]), "the queue's last lead (\(last[0])) is selected: \(selected)")
        try tmux.send("k", "k")
        #expect(try waitForHighlight(last[2], in: tmux), "two rows up is selected")
        #expect(try tmux.capture().contains(last[0]), "the last row is still on screen: the highlight moved, not the list")
        try tmux.send("/")
        try tmux.waitFor("Filter /")
        try tmux.send("stage:neg", literal: true)
        try tmux.send("Enter")
        let filtered = try tmux.waitFor("filter: stage:neg")
        #expect(filtered.contains("Negotiation"))
        #expect(!filtered.contains(" Open "))
        try tmux.send("Escape")
        let cleared = try tmux.waitFor("Filter cleared")
        #expect(!cleared.contains("filter: stage:neg"))
        try tmux.send("C-c")
        try tmux.waitFor("DESK-EXITED")
    }

    /// Waits up to 20 s for the highlight to be on the last row drawn in the table.
    private func waitForBottomHighlight(in tmux: TmuxSession) throws -> Bool {
        for _ in 0..<200 {
            let lines = try tmux.capture(escapes: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let rows = lines.dropFirst(4).dropLast(2).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if let bottom = rows.last, bottom.range(of: "\u{1B}\\[([0-9]+;)*7m", options: .regularExpression) != nil { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Waits up to 10 s for the highlighted row to show `name`.
    private func waitForHighlight(_ name: String, in tmux: TmuxSession) throws -> Bool {
        for _ in 0..<100 {
            if highlighted(try tmux.capture(escapes: true))?.contains(name) == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// The text of the table row drawn in reverse video (the selection, with NO_COLOR).
    private func highlighted(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst(4).dropLast(2).first { $0.range(of: "\u{1B}\\[([0-9]+;)*7m", options: .regularExpression) != nil }
            .map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
    }
}
