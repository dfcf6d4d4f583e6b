import Foundation
import SalesDeskDomain
import TerminalUI

/// Everything the desk shows, as one value: the shell's own state and each open screen's state.
/// ``DeskUpdate`` changes it; ``DeskView`` draws it.
public struct AppState: Sendable {
    public var session: DeskSession
    /// Each screen's state, created on first visit and kept while the desk runs.
    public var screens: [ScreenID: any DeskScreen] = [:]
    /// The screen on show.
    public var current: ScreenID
    /// Screens to go back to with Esc (a record opened from a list).
    public var history: [ScreenID] = []
    public var width: Int
    public var height: Int
    public var theme: Theme
    public var modal: Modal?
    public var status: StatusMessage?
    /// A standing warning the status line shows whenever it has nothing else to say (no scheduler has run lately).
    public var warning: String?
    public var isRunning = true
    /// Unacknowledged inbox items (the tab shows them).
    public var unreadCount = 0
    /// Database changes the desk has seen (its own writes, and others' it noticed); see ``DataStamp``.
    var changesSeen = 0
    /// A read of what a screen shows is still running (the status line says so; set by the runtime).
    public var isReading = false
    /// What a screen said about a new queue, sort or filter, shown when its rows arrive (with them, not over the
    /// old ones).
    var statusOnArrival: [ScreenID: StatusMessage] = [:]
    /// When each screen last read all it shows (see ``DataStamp``).
    var loadedStamps: [ScreenID: DataStamp] = [:]

    /// The smallest terminal the desk draws in.
    public static let minimumSize = (width: 60, height: 15)
    /// Rows the shell takes: the tab bar, the status line and the footer.
    static let shellRows = 3

    public init(session: DeskSession, width: Int, height: Int, theme: Theme) {
        self.session = session
        self.width = width
        self.height = height
        self.theme = theme
        current = ScreenRegistry.tabs[0].id
        for tab in ScreenRegistry.tabs { screens[tab.id] = tab.make(session, nil) }
    }

    /// The screen on show.
    public var screen: any DeskScreen {
        get { screens[current] ?? ScreenRegistry.tabs[0].make(session, nil) }
        set { screens[current] = newValue }
    }

    /// A screen's state by its type, for tests and cross-screen reads.
    public func screen<S: DeskScreen>(_ type: S.Type) -> S? { screens[S.id] as? S }

    /// Content rows a screen's list shows at the current size.
    func viewport(for screen: any DeskScreen) -> Int {
        max(1, (height - Self.shellRows - screen.rowsAboveList) / max(1, screen.rowsPerItem))
    }

    /// A context for the current screen.
    func context(for screen: any DeskScreen) -> ScreenContext {
        ScreenContext(session: session, viewport: viewport(for: screen), modal: modal, status: status)
    }

    /// The selection of the screen on show.
    public var selection: Selection { screen.selection }
}
