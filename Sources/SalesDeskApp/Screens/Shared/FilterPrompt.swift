import TerminalUI

/// The `/` line of a list screen: shown above the list while typing, the list narrowing as you type.
/// Enter keeps the filter, Esc clears it; a filter that does not parse keeps the last good list and says why.
public struct FilterPrompt: Sendable, Equatable {
    public var field: TextField
    /// Why the text does not parse yet (shown under the prompt).
    public var error: String?

    public init(text: String = "") { field = TextField(text) }

    /// What the prompt's key did.
    public enum Outcome: Equatable {
        /// The text changed: parse it and reload.
        case changed(String)
        /// Enter: close the prompt, keep the filter.
        case accepted
        /// Esc: close the prompt and clear the filter.
        case cleared
        /// Nothing to do (cursor movement).
        case none
    }

    /// Applies `key` to an open prompt, closing it on Enter or Esc; nil when no prompt is open or the key is
    /// Ctrl-c (which always reaches the shell).
    static func type(_ key: Key, into prompt: inout FilterPrompt?) -> Outcome? {
        guard var open = prompt, key != .ctrl("c") else { return nil }
        let outcome = open.handle(key)
        switch outcome {
        case .accepted, .cleared: prompt = nil
        case .changed, .none: prompt = open
        }
        return outcome
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .accepted
        case .escape: return .cleared
        default:
            let before = field.text
            field.handle(key)
            return field.text == before ? .none : .changed(field.text)
        }
    }

    /// Draws `Filter /text` with its cursor on row `y`, and a hint after it (the error goes on the rows below).
    public func render(x: Int, y: Int, width: Int, hint: String, grid: inout Grid, theme: Theme) {
        let used = grid.put("Filter /", x: x, y: y, style: theme.style(ThemeRole.header))
        let fieldWidth = max(10, min(40, width - used - 2))
        field.render(x: x + used, y: y, width: fieldWidth, focused: true, grid: &grid, theme: theme)
        grid.put(" " + hint, x: x + used + fieldWidth, y: y, style: theme.style(ThemeRole.muted), maxWidth: max(0, width - used - fieldWidth))
    }
}
