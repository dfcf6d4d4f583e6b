/// The footer line of key hints: `j/k move  Enter open  / filter  ? help`, cut to the width.
public enum FooterHints {
    /// Draws `hints` (key, what it does) on row `y`, in order while they fit; `pinned` (e.g. `? help`)
    /// always shows at the right end, so the way to every other key is never cut off.
    public static func render(_ hints: [(key: String, label: String)], pinned: (key: String, label: String)? = nil,
                              y: Int, in area: Rect, grid: inout Grid, theme: Theme) {
        let bar = theme.style(ThemeRole.statusBar)
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: bar)
        func width(_ hint: (key: String, label: String)) -> Int { DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3 }
        func draw(_ hint: (key: String, label: String), at x: Int) -> Int {
            let keyWidth = grid.put(" \(hint.key) ", x: x, y: y, style: theme.style(ThemeRole.hintKey))
            return keyWidth + grid.put("\(hint.label) ", x: x + keyWidth, y: y, style: bar)
        }
        let end = area.maxX - (pinned.map(width) ?? 0)
        var x = area.x
        for hint in hints {
            guard x + width(hint) <= end else { break }
            x += draw(hint, at: x)
        }
        if let pinned, end >= area.x { _ = draw(pinned, at: end) }
    }
}

/// A line of tabs, the active one highlighted: ` 1 Agenda  2 Leads  3 Tickets `.
public enum TabBar {
    /// When the tabs do not all fit, the first ones are left out (with `…`) until the active one shows.
    public static func render(_ titles: [String], active: Int, y: Int, in area: Rect, grid: inout Grid, theme: Theme) {
        let text = theme.style(ThemeRole.muted)
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: text)
        var first = 0
        while first < active, spans(Array(titles.dropFirst(first)), in: area).count <= active - first { first += 1 }
        let shown = Array(titles.dropFirst(first))
        let lead = first > 0 ? 2 : 0
        if first > 0 { grid.put("…", x: area.x, y: y, style: text) }
        let inner = Rect(x: area.x + lead, y: area.y, width: area.width - lead, height: area.height)
        for (index, span) in spans(shown, in: inner).enumerated() {
            grid.put(" \(shown[index]) ", x: span.lowerBound, y: y, style: index + first == active ? theme.style(ThemeRole.tabActive) : text)
        }
    }

    /// The tab under column `x` (for mouse clicks), if any.
    public static func index(at x: Int, _ titles: [String], in area: Rect) -> Int? {
        spans(titles, in: area).firstIndex { $0.contains(x) }
    }

    /// The columns each tab that fits occupies.
    private static func spans(_ titles: [String], in area: Rect) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var x = area.x
        for title in titles {
            let width = DisplayWidth.of(" \(title) ")
            guard x + width <= area.maxX else { break }
            spans.append(x..<(x + width))
            x += width + 1
        }
        return spans
    }
}

/// "terminal too small: need W×H, have w×h", centred, instead of a broken layout.
public enum TooSmallMessage {
    public static func render(need: (width: Int, height: Int), grid: inout Grid, theme: Theme) {
        grid.fill(grid.bounds, style: theme.style(ThemeRole.text))
        let lines = ["terminal too small:", "need \(need.width)×\(need.height),", "have \(grid.width)×\(grid.height)"]
        for (index, line) in lines.enumerated() {
            let y = max(0, grid.height / 2 - 1) + index
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: y, style: theme.style(ThemeRole.warning))
        }
    }
}
