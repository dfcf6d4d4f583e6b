import Foundation
import SalesDeskDomain
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Who is signed in, on the tab bar")
struct TabBarWhoTests {
    static func state(width: Int, unread: Int) -> AppState {
        var user = User(handle: "jonas", name: "Jonas Weber", email: "jonas@example.com", role: .manager)
        user.id = 1
        var state = AppState(session: DeskSession(user: user, people: [user], now: UpdateAloneTests.now), width: width, height: 30, theme: .plain)
        state.unreadCount = unread
        return state
    }

    static func topLine(_ state: AppState) -> String {
        String(DeskView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test("with room, the name and the role show at the right of the tabs")
    func fullLabel() {
        #expect(Self.topLine(Self.state(width: 140, unread: 0)).contains("Jonas Weber · Manager"))
    }

    @Test("an unread count in the Inbox tab shortens the label to the name instead of hiding who is signed in")
    func unreadCountKeepsTheName() {
        let line = Self.topLine(Self.state(width: 120, unread: 3))
        #expect(line.contains("6 Inbox (3)"))
        #expect(line.contains("Jonas Weber"))
    }
}
