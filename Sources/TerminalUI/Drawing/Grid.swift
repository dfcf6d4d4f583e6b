/// One terminal cell: the text it shows (one grapheme, or empty as the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The right half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A screen's worth of cells. Screens draw into a grid; a ``Terminal`` presents it.
///
/// Every string drawn with ``put(_:x:y:style:maxWidth:)`` goes through ``TextSanitizer`` first,
/// so screen code cannot forget it.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Draws sanitised `text` from (x, y), clipped to `maxWidth` columns and the grid; returns the columns used.
    /// Text that does not fit is never cut silently: its last column shows "…" (a wide character cut in half
    /// leaves a space).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in TextSanitizer.sanitize(text) {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                if column > x, column - 1 >= 0 { self[column - 1, y].text.append(character) }
                continue
            }
            if column + columns > limit {
                if column < limit, column >= 0 { self[column, y] = Cell(text: " ", style: style) }
                markCut(at: limit - 1, from: x, y: y, style: style)
                column = limit
                break
            }
            if column >= 0 {
                self[column, y] = Cell(text: String(character), style: style)
                if columns == 2, column + 1 < width { self[column + 1, y] = Cell(text: "", style: style) }
            }
            column += columns
        }
        return column - x
    }

    /// Puts "…" in the last column of a cut text (column `last`, never left of where the text began). When that
    /// column holds the right half of a wide character, its left half becomes a space.
    private mutating func markCut(at last: Int, from start: Int, y: Int, style: Style) {
        guard last >= max(0, start), last < width else { return }
        if self[last, y].text.isEmpty, last - 1 >= max(0, start) { self[last - 1, y] = Cell(text: " ", style: self[last - 1, y].style) }
        self[last, y] = Cell(text: "…", style: self[last, y].style)
    }

    /// Paints a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(style: style) }
        }
    }

    /// Changes the style of a rectangle's cells, keeping their text (for selection highlights).
    public mutating func restyle(_ rect: Rect, _ change: (Style) -> Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y].style = change(self[x, y].style) }
        }
    }

    /// Draws a single-line box border around `rect`, with an optional title in the top edge.
    public mutating func box(_ rect: Rect, style: Style, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put("─", x: x, y: rect.y, style: style)
            put("─", x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("┌", x: rect.x, y: rect.y, style: style)
        put("┐", x: rect.maxX - 1, y: rect.y, style: style)
        put("└", x: rect.x, y: rect.maxY - 1, style: style)
        put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 { put(" \(title) ", x: rect.x + 2, y: rect.y, style: style.with(.bold), maxWidth: rect.width - 4) }
    }

    /// Each row as plain text with trailing spaces trimmed: what snapshot tests compare.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The grid's text as one string, rows joined by newlines.
    public var text: String { textLines().joined(separator: "\n") }
}
