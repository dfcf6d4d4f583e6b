import TerminalUI

/// Moving the selection of the screen's list: the same keys on every screen.
public enum ListMove: String, ScreenAction {
    case down, up, pageDown, pageUp, top, bottom

    public var name: String {
        switch self {
        case .down: "down"
        case .up: "up"
        case .pageDown: "page-down"
        case .pageUp: "page-up"
        case .top: "top"
        case .bottom: "bottom"
        }
    }

    public var summary: String {
        switch self {
        case .down: "next row"
        case .up: "previous row"
        case .pageDown: "half a page down"
        case .pageUp: "half a page up"
        case .top: "first row"
        case .bottom: "last row (the true end of the list)"
        }
    }

    /// The keys, shared by every list.
    public static let bindings: [KeyBinding<ListMove>] = [
        KeyBinding([.character("j"), .down], .down),
        KeyBinding([.character("k"), .up], .up),
        KeyBinding([.ctrl("d"), .pageDown], .pageDown),
        KeyBinding([.ctrl("u"), .pageUp], .pageUp),
        KeyBinding([.character("g"), .home], .top),
        KeyBinding([.character("G"), .end], .bottom),
    ]
}
