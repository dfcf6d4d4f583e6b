import Foundation
import SalesDeskStore
import TerminalUI
import Testing
@testable import SalesDeskApp

/// Reads run off the key path: a newer read of a screen makes older ones obsolete, and a page read for rows
/// no longer loaded is not applied.
@Suite("Reading in the background")
struct BackgroundReadTests {
    /// A read that waits until the test lets it go on.
    final class Gate: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        func open() { semaphore.signal() }
        func pass() { semaphore.wait() }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    static let stamp = DataStamp(changes: 0, now: UpdateAloneTests.now)

    @Test("only the newest reload of a screen is applied, and reloads made obsolete while waiting never run")
    func newestReloadWins() {
        let loader = BackgroundLoader()
        let gate = Gate(), started = Gate(), runs = Counter()
        loader.start(.leads, .reset, stamp: Self.stamp) { started.open(); gate.pass(); runs.add(); return ("first", nil) }
        started.pass()
        loader.start(.leads, .reset, stamp: Self.stamp) { runs.add(); return ("second", nil) }
        loader.start(.leads, .reset, stamp: Self.stamp) { runs.add(); return ("third", nil) }
        #expect(loader.isBusy)
        gate.open()
        loader.waitUntilIdle()
        let finished = loader.takeFinished()
        #expect(finished.count == 1)
        #expect((try? finished.first?.result.get()) as? String == "third")
        #expect(runs.count == 2, "the first was running already; the second was obsolete before its turn")
        #expect(!loader.isBusy)
    }

    @Test("a page read after a reload belongs to it; reads of other screens are untouched")
    func pagesAndOtherScreens() {
        let loader = BackgroundLoader()
        loader.start(.tickets, .refresh, stamp: Self.stamp) { ("tickets", nil) }
        loader.start(.leads, .reset, stamp: Self.stamp) { ("leads", nil) }
        loader.start(.leads, .page(.last), stamp: Self.stamp) { ("last page", 7) }
        loader.waitUntilIdle()
        let finished = loader.takeFinished()
        #expect(finished.compactMap { (try? $0.result.get()) as? String } == ["tickets", "leads", "last page"])
        #expect(finished.last?.unreadCount == 7)
        #expect(loader.takeFinished().isEmpty, "each result is handed over once")
    }

    @Test("a failed read comes back as a failure")
    func failureComesBack() {
        struct Broken: Error {}
        let loader = BackgroundLoader()
        loader.start(.inbox, .refresh, stamp: Self.stamp) { throw Broken() }
        loader.waitUntilIdle()
        let finished = loader.takeFinished()
        #expect(finished.count == 1)
        #expect(throws: Broken.self) { _ = try finished.first?.result.get() }
    }

    @Test("a page that does not continue the rows on show (a reload came first) is not applied")
    func stalePageIsIgnored() {
        var list = ListState<ListStateTests.Item>()
        let old = ListStateTests().page(1...100, next: true, previous: false)
        list.apply(old, for: .first, viewport: 20)
        let oldNext = PageCursor(sortValue: .integer(100), id: 100)
        list.apply(ListStateTests().page(500...520, next: false, previous: false), for: .first, viewport: 20)
        list.apply(ListStateTests().page(101...200, next: true, previous: true), for: .after(oldNext), viewport: 20)
        #expect(list.rows.map(\.id) == Array(500...520), "the rows of the reload stay, alone")
    }

    @Test("the header names a new filter only when its rows are on show, and the status line says a read is running")
    func headerFollowsTheRowsOnShow() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...30, more: false), count: 30)))
        for key in [Key.character("/"), .character("d"), .character("e"), .enter] { _ = DeskUpdate.update(&state, .key(key)) }
        state.isReading = true
        let waiting = DeskView.render(state).text
        #expect(!waiting.contains("filter: de"), "the rows on show are not filtered yet")
        #expect(waiting.contains("Reading…"))
        var filtered = LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...3, more: false), count: 3)
        filtered.filterText = "de"
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, filtered))
        state.isReading = false
        let shown = DeskView.render(state).text
        #expect(shown.contains("3 leads"))
        #expect(shown.contains("filter: de"))
        #expect(!shown.contains("Reading…"))
    }

    @Test("a read started before a change is applied but not counted as current: the screen is read again when next shown")
    func readFromBeforeAChange() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        _ = DeskUpdate.update(&state, .loaded(.leads, .refresh, LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...30, more: false), count: 30)))
        _ = DeskUpdate.update(&state, .readOutdated(.leads))
        _ = DeskUpdate.update(&state, .key(.character("3")))
        #expect(DeskUpdate.update(&state, .key(.character("2"))) == [.load(.leads, .refresh)])
        #expect(state.screen(LeadsScreen.self)?.list.rows.count == 30, "the rows read stay on show meanwhile")
    }

    @Test("G asked for before a new filter's rows arrived works again once they have (its read was dropped)")
    func droppedPageDoesNotBlockTheList() {
        var list = ListState<ListStateTests.Item>()
        list.apply(ListStateTests().page(1...100, next: true, previous: false), for: .first, viewport: 20)
        #expect(list.move(.bottom, viewport: 20) == .last)
        // The filter changed; its reset made the `.last` read obsolete, and the new rows arrive.
        list.apply(ListStateTests().page(500...600, next: true, previous: false), for: .first, viewport: 20)
        #expect(list.move(.bottom, viewport: 20) == .last, "G asks for the new list's end")
    }

    @Test("while a new queue's reset is being read, a refresh or a board's column re-read is read as a reset")
    func refreshDuringResetBecomesReset() {
        #expect(BackgroundLoader.request(.refresh, resetInFlight: true) == .reset)
        #expect(BackgroundLoader.request(.stages([.open]), resetInFlight: true) == .reset)
        #expect(BackgroundLoader.request(.page(.last), resetInFlight: true) == .page(.last))
        #expect(BackgroundLoader.request(.refresh, resetInFlight: false) == .refresh)
    }

    @Test("'Filter cleared' is said when the unfiltered rows are on show, not over the filtered ones")
    func statusArrivesWithTheRows() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        for key in [Key.character("/"), .character("d"), .character("e"), .enter] { _ = DeskUpdate.update(&state, .key(key)) }
        var filtered = LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...3, more: false), count: 3)
        filtered.filterText = "de"
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, filtered))
        #expect(DeskUpdate.update(&state, .key(.escape)) == [.load(.leads, .reset)])
        #expect(state.status == nil, "the filtered rows are still on show")
        _ = DeskUpdate.update(&state, .loaded(.leads, .reset, LeadsScreen.Loaded(request: .first, page: UpdateAloneTests.page(1...30, more: false), count: 30)))
        #expect(state.status?.text == "Filter cleared.")
        #expect(!DeskView.render(state).text.contains("filter: de"))
    }

    @Test("while a screen's new rows are read, its keys wait for them; text, dialogs and the shell's keys do not")
    func keysWaitForNewRows() {
        var state = UpdateAloneTests.state()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        for key in [Key.character("G"), .enter, .character("j"), .escape] {
            #expect(DeskRuntime.keyWaits(key, state: state, rowsBeingReplaced: true), "\(key.label) would act on the old rows")
            #expect(!DeskRuntime.keyWaits(key, state: state, rowsBeingReplaced: false))
        }
        for key in [Key.character("3"), .tab, .character("?"), .ctrl("c")] {
            #expect(!DeskRuntime.keyWaits(key, state: state, rowsBeingReplaced: true), "\(key.label) is the shell's")
        }
        _ = DeskUpdate.update(&state, .key(.character("/")))
        #expect(!DeskRuntime.keyWaits(.character("G"), state: state, rowsBeingReplaced: true), "typed into the filter")
    }
}
