import Foundation
import SalesDeskDomain
import SalesDeskStore
import Testing
@testable import SalesDeskApp

/// Switching screens shows what a screen already read when nothing can have changed since, and reads it
/// again when the database changed or the minute turned.
@Suite("Switching screens")
struct ScreenSwitchTests {
    private static func leadsLoaded(_ state: inout AppState) {
        _ = DeskUpdate.update(&state, .key(.character("2")))
        let loaded = LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...30, more: false), count: 30)
        _ = DeskUpdate.update(&state, .loaded(.leads, .refresh, loaded))
        _ = DeskUpdate.update(&state, .key(.character("3")))
    }

    @Test("going back to a screen read since the last change shows it without reading again")
    func freshScreenIsNotReadAgain() {
        var state = UpdateAloneTests.state()
        Self.leadsLoaded(&state)
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [])
        #expect(state.current == .leads)
        #expect(state.screen(LeadsScreen.self)?.list.rows.count == 30, "the rows read before are on show")
    }

    @Test("a change to the database makes the other screens read again when shown")
    func changeMakesScreensStale() {
        var state = UpdateAloneTests.state()
        Self.leadsLoaded(&state)
        _ = DeskUpdate.update(&state, .databaseChanged)
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [.load(.leads, .refresh)])
    }

    @Test("the desk's own write makes the other screens read again when shown")
    func writeMakesScreensStale() {
        var state = UpdateAloneTests.state()
        Self.leadsLoaded(&state)
        _ = DeskUpdate.update(&state, .wrote(.acknowledgeNotification(1), "Done."))
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [.load(.leads, .refresh)])
    }

    @Test("a new minute makes screens read again when shown (what is due moves with the clock)")
    func newMinuteMakesScreensStale() {
        var state = UpdateAloneTests.state()
        Self.leadsLoaded(&state)
        let intoMinute = UpdateAloneTests.now.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)
        _ = DeskUpdate.update(&state, .tick(UpdateAloneTests.now.addingTimeInterval(59 - intoMinute)))
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [], "still the same minute")
        _ = DeskUpdate.update(&state, .key(.character("3")))
        _ = DeskUpdate.update(&state, .tick(UpdateAloneTests.now.addingTimeInterval(60 - intoMinute)))
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [.load(.leads, .refresh)])
    }

    @Test("a screen whose first read failed is read again, from the top, when shown")
    func failedReadIsRetried() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        _ = DeskUpdate.update(&state, .loadFailed(.leads, .reset, "The database is locked."))
        _ = DeskUpdate.update(&state, .key(.character("3")))
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [.load(.leads, .reset)])
    }
}
