/// A key the user pressed, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// How the key is written in hints and the help screen (`j`, `Ctrl-d`, `Enter`).
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A mouse button or wheel at a cell (only when mouse reporting was asked for).
    case mouse(MouseEvent)
}

/// A click or a wheel step at column `x`, row `y`.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case left, wheelUp, wheelDown }

    public var x: Int
    public var y: Int
    public var button: Button

    public init(x: Int, y: Int, button: Button) {
        self.x = x
        self.y = y
        self.button = button
    }
}

/// A terminal the desk can run on: events in, grids out. ncurses in production, ``InMemoryTerminal`` in tests.
public protocol Terminal: AnyObject {
    /// Current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// What the terminal can show.
    var colorCapability: ColorCapability { get }
    /// Waits up to `timeoutMilliseconds` (nil: forever) for the next event; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent?
    /// Shows a grid.
    func present(_ grid: Grid)
    /// Rings the bell.
    func bell()
    /// Gives the screen back (to run `$EDITOR`); ``resume()`` takes it again.
    func suspend()
    func resume()
}
