/// A single-line text editor: the value and the cursor, changed by keys.
public struct TextField: Sendable, Equatable {
    public private(set) var text: String
    /// Cursor position in characters.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false for keys it does not handle (Enter, Esc, Tab, arrows up/down).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(character, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor)
            cursor = 0
        case .ctrl("w"):
            let before = text.prefix(cursor)
            let trimmed = before.reversed().drop(while: { $0 == " " }).drop(while: { $0 != " " })
            let kept = String(trimmed.reversed())
            text = kept + text.dropFirst(cursor)
            cursor = kept.count
        default:
            return false
        }
        return true
    }

    /// Draws the field with its cursor in `width` columns, scrolling horizontally to keep the cursor visible.
    public func render(x: Int, y: Int, width: Int, focused: Bool, grid: inout Grid, theme: Theme) {
        guard width > 0 else { return }
        let style = focused ? theme.style(ThemeRole.selection) : theme.style(ThemeRole.text).with(.underline)
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let characters = Array(TextSanitizer.sanitize(text))
        var start = 0
        while DisplayWidth.of(String(characters[start..<min(cursor, characters.count)])) >= width { start += 1 }
        let visible = String(characters[start...])
        grid.put(visible, x: x, y: y, style: style, maxWidth: width)
        if focused {
            let cursorX = x + DisplayWidth.of(String(characters[start..<min(cursor, characters.count)]))
            if cursorX < x + width { grid.restyle(Rect(x: cursorX, y: y, width: 1, height: 1)) { $0.with(.reverse).with(.underline) } }
        }
    }
}
