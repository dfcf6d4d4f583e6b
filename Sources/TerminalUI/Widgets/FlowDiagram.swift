/// A flow drawn as boxes joined by arrows: a chain of steps (a trigger, a condition …) that fans out into
/// branches (the actions). Knows nothing of what the boxes mean.
///
/// ```text
/// ┌─ When ──────────────────────────┐
/// │ lead stage changes to Demo Given │
/// └────────────────┬─────────────────┘
///                  ↓
/// ┌─ If ─────────────┐
/// │ value >= 10000   │
/// └────────┬─────────┘
///          ├─→ ┌─ Then ────────────┐
///          │   │ notify manager …  │
///          │   └───────────────────┘
///          └─→ ┌─ Then ─────┐
///              │ add note … │
///              └────────────┘
/// ```
/// Box and arrow characters fall back to `+ - | > v` on a terminal without UTF-8 (see ``AsciiFallback``).
public struct FlowDiagram: Sendable {
    /// One box: a short title in its top edge and the lines it holds (wrapped to fit).
    public struct Box: Equatable, Sendable {
        public var title: String
        public var lines: [String]

        public init(title: String, lines: [String]) {
            self.title = title
            self.lines = lines
        }
    }

    /// Boxes drawn one under the other, joined by down arrows.
    public var chain: [Box]
    /// Boxes hanging off the last chain box, each behind its own arrow.
    public var branches: [Box]

    public init(chain: [Box], branches: [Box]) {
        self.chain = chain
        self.branches = branches
    }

    /// Draws the flow in `area`; returns the rows it needed (it may need more than `area` has: the rest is clipped).
    @discardableResult
    public func render(into grid: inout Grid, area: Rect, style: Style) -> Int {
        guard area.width >= 8 else { return 0 }
        var y = area.y
        var joinX = area.x + 1
        for (index, box) in chain.enumerated() {
            let drawn = draw(box, x: area.x, y: y, maxWidth: area.width, into: &grid, area: area, style: style)
            joinX = area.x + min(drawn.width / 2, 12)
            y += drawn.height
            let hasNext = index < chain.count - 1 || !branches.isEmpty
            guard hasNext else { break }
            put("┬", x: joinX, y: y - 1, into: &grid, area: area, style: style)
            if index < chain.count - 1 {
                put("↓", x: joinX, y: y, into: &grid, area: area, style: style)
                y += 1
            }
        }
        let boxX = joinX + 4
        for (index, box) in branches.enumerated() {
            let isLast = index == branches.count - 1
            put(isLast ? "└─→" : "├─→", x: joinX, y: y, into: &grid, area: area, style: style)
            let drawn = draw(box, x: boxX, y: y, maxWidth: area.maxX - boxX, into: &grid, area: area, style: style)
            if !isLast { for row in 1..<drawn.height { put("│", x: joinX, y: y + row, into: &grid, area: area, style: style) } }
            y += drawn.height
        }
        return y - area.y
    }

    /// The rows the flow needs at `width` columns.
    public func height(width: Int) -> Int {
        var grid = Grid(width: max(8, width), height: 500)
        return render(into: &grid, area: Rect(x: 0, y: 0, width: max(8, width), height: 500), style: .plain)
    }

    private func draw(_ box: Box, x: Int, y: Int, maxWidth: Int, into grid: inout Grid, area: Rect, style: Style) -> (width: Int, height: Int) {
        let inner = max(1, maxWidth - 4)
        let lines = box.lines.flatMap { Self.wrap($0, width: inner) }
        let width = min(maxWidth, max(DisplayWidth.of(box.title) + 6, (lines.map(DisplayWidth.of).max() ?? 0) + 4))
        let height = lines.count + 2
        let rect = Rect(x: x, y: y, width: width, height: height)
        if rect.maxY <= area.maxY { grid.box(rect, style: style, title: box.title) }
        for (offset, line) in lines.enumerated() where y + 1 + offset < area.maxY {
            grid.put(line, x: x + 2, y: y + 1 + offset, style: style, maxWidth: width - 4)
        }
        return (width, height)
    }

    private func put(_ text: String, x: Int, y: Int, into grid: inout Grid, area: Rect, style: Style) {
        guard y >= area.y, y < area.maxY else { return }
        grid.put(text, x: x, y: y, style: style, maxWidth: area.maxX - x)
    }

    /// Word-wraps `text` to `width` columns; a word longer than the width is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = DisplayWidth.of(word) <= width ? word : DisplayWidth.truncate(word, to: width)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
