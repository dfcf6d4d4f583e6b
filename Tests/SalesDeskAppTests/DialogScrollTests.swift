import Foundation
import SalesDeskDomain
import TerminalUI
import Testing
@testable import SalesDeskApp

/// Dialogs longer than the screen: a message (a dry run, an import summary, a long error) and the help list
/// scroll to their last line, say where they stand, and never cut a line off silently.
@Suite("Dialogs that scroll")
struct DialogScrollTests {
    /// A 100 × 30 desk with nothing loaded (see `UpdateAloneTests`).
    static func state() -> AppState { UpdateAloneTests.state() }

    static let longText = (1...60).map { "Line \($0) of the dry run." }.joined(separator: "\n")

    @Test("a message longer than the screen shows its first lines, where it stands, and the closing hint")
    func longMessageShowsItsPlace() {
        var state = Self.state()
        state.modal = .message(title: "Workflows", text: Self.longText, isError: false)
        let screen = DeskView.render(state).text
        #expect(screen.contains("Line 1 of the dry run."))
        #expect(!screen.contains("Line 60 of the dry run."))
        #expect(screen.contains("Workflows · 1–23 of 60, ↑/↓ scroll"))
        #expect(screen.contains("Enter closes"), "the closing hint is never scrolled or cut away")
    }

    @Test("End shows the message's last line, and one key back up moves it at once")
    func endThenUp() {
        var state = Self.state()
        state.modal = .message(title: "Workflows", text: Self.longText, isError: false)
        _ = DeskUpdate.update(&state, .key(.end))
        var screen = DeskView.render(state).text
        #expect(screen.contains("Line 60 of the dry run."))
        #expect(screen.contains("38–60 of 60"))
        _ = DeskUpdate.update(&state, .key(.up))
        screen = DeskView.render(state).text
        #expect(!screen.contains("Line 60 of the dry run."), "the first Up after End scrolls (the offset is not past the end)")
        #expect(screen.contains("37–59 of 60"))
        _ = DeskUpdate.update(&state, .key(.character("G")))
        _ = DeskUpdate.update(&state, .key(.character("g")))
        #expect(DeskView.render(state).text.contains("Line 1 of the dry run."))
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.modal == nil)
    }

    @Test("a short message fits, says nothing of scrolling and closes with Enter")
    func shortMessage() {
        var state = Self.state()
        state.modal = .message(title: "Saved", text: "Saved the rule.", isError: false)
        let screen = DeskView.render(state).text
        #expect(screen.contains("Saved the rule."))
        #expect(screen.contains("Enter closes"))
        #expect(!screen.contains("scroll"))
        _ = DeskUpdate.update(&state, .key(.down))
        #expect(state.modal != nil, "a scrolling key does not close it")
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.modal == nil)
    }

    @Test("help wraps a long description beside its keys instead of cutting it off")
    func helpWraps() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        state.width = 70
        _ = DeskUpdate.update(&state, .key(.character("?")))
        let screen = DeskView.render(state).text
        #expect(screen.contains("(Enter keeps"))
        #expect(screen.contains("clears)"), "the end of the filter's description shows on its next line")
    }

    @Test("help scrolled to its end moves back up with the first Up")
    func helpEndThenUp() {
        var state = Self.state()
        state.height = 20
        _ = DeskUpdate.update(&state, .key(.character("2")))
        _ = DeskUpdate.update(&state, .key(.character("?")))
        _ = DeskUpdate.update(&state, .key(.end))
        let atEnd = DeskView.render(state).text
        _ = DeskUpdate.update(&state, .key(.up))
        #expect(DeskView.render(state).text != atEnd)
    }
}
