/// A scrolling table: a header row, rows of cells, a selected row kept in view.
///
/// ```swift
/// var table = TableView(columns: [.init(title: "NAME", width: .flexible(min: 10)), .init(title: "VALUE", width: .fixed(10), alignRight: true)])
/// table.render(rows: rows, selected: 3, offset: &offset, in: area, grid: &grid, theme: theme)
/// ```
public struct TableView: Sendable {
    /// How wide a column is.
    public enum Width: Sendable, Equatable {
        case fixed(Int)
        /// Shares what the fixed columns leave in proportion to its `weight`, never below `min`.
        case flexible(min: Int, weight: Int = 1)
    }

    /// A column's title, width and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var width: Width
        public var alignRight: Bool

        public init(title: String, width: Width, alignRight: Bool = false) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
        }
    }

    /// One cell: its text and, optionally, a theme role that colours it.
    public struct TableCell: Sendable, Equatable {
        public var text: String
        public var role: String?
        /// A shorter form of the same value (`491.9M` for `491,928,500.00`), shown instead of cutting `text` with
        /// "…" when the column is too narrow for it.
        public var short: String?

        public init(_ text: String, role: String? = nil, short: String? = nil) {
            self.text = text
            self.role = role
            self.short = short
        }
    }

    public var columns: [Column]

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Column widths for a total width; columns that do not fit at their minimum are dropped from the right.
    public func widths(for total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.reduce(0) { sum, column in
            if case .fixed(let width) = column.width { return sum + width }
            return sum
        }
        let weights = columns.reduce(0) { sum, column in
            if case .flexible(_, let weight) = column.width { return sum + max(1, weight) }
            return sum
        }
        let remaining = max(0, total - fixed - gaps)
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): width
            case .flexible(let minimum, let weight): max(minimum, weights == 0 ? 0 : remaining * max(1, weight) / weights)
            }
        }
        while widths.count > 1, widths.reduce(0, +) + widths.count - 1 > total { widths.removeLast() }
        return widths
    }

    /// Draws the header and the visible rows; adjusts `offset` so `selected` stays visible.
    public func render(rows: [[TableCell]], selected: Int?, marked: Set<Int> = [], offset: inout Int, in area: Rect, grid: inout Grid, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let widths = widths(for: area.width)
        let header = theme.style(ThemeRole.header)
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: header)
        drawRow(columns.prefix(widths.count).map { TableCell($0.title) }, widths: widths, y: area.y, x: area.x, grid: &grid, style: { _ in header })
        let visible = area.height - 1
        guard visible > 0 else { return }
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visible { offset = selected - visible + 1 }
        }
        offset = max(0, min(offset, max(0, rows.count - visible)))
        let text = theme.style(ThemeRole.text)
        for line in 0..<visible {
            let index = offset + line
            let y = area.y + 1 + line
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: text)
            guard index < rows.count else { continue }
            let isSelected = index == selected
            let prefix = marked.contains(index) ? "▌" : ""
            var cells = rows[index]
            if !prefix.isEmpty, !cells.isEmpty { cells[0].text = prefix + cells[0].text }
            drawRow(cells, widths: widths, y: y, x: area.x, grid: &grid) { role in
                let base = role.map(theme.style) ?? text
                guard isSelected else { return base }
                var selection = theme.style(ThemeRole.selection)
                if role != nil, base.foreground != .default { selection.foreground = base.foreground }
                return selection
            }
            if isSelected { grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { style in
                var style = style
                style.background = theme.style(ThemeRole.selection).background
                style.attributes.formUnion(theme.style(ThemeRole.selection).attributes)
                return style
            } }
        }
    }

    /// Draws one row. A text longer than its column is shown in its short form when it has one that fits; else a
    /// left-aligned text spills into the empty cells after it (as in a spreadsheet: a label row with one figure keeps
    /// its whole label) before it is cut with "…".
    private func drawRow(_ cells: [TableCell], widths: [Int], y: Int, x: Int, grid: inout Grid, style: (String?) -> Style) {
        var column = x
        var covered = 0 // cells already drawn over by a spilling text
        for (index, width) in widths.enumerated() {
            defer { column += width + 1 }
            if covered > 0 {
                covered -= 1
                continue
            }
            let cell = index < cells.count ? cells[index] : TableCell("")
            let alignRight = index < columns.count && columns[index].alignRight
            var text = TextSanitizer.sanitize(cell.text)
            if DisplayWidth.of(text) > width, let short = cell.short.map(TextSanitizer.sanitize), DisplayWidth.of(short) <= width { text = short }
            var room = width
            if !alignRight, DisplayWidth.of(text) > width {
                for next in widths.indices.dropFirst(index + 1) {
                    guard next >= cells.count || cells[next].text.isEmpty, room < DisplayWidth.of(text) else { break }
                    room += widths[next] + 1
                    covered += 1
                }
            }
            grid.put(DisplayWidth.fit(text, to: room, alignRight: alignRight), x: column, y: y, style: style(cell.role), maxWidth: room)
        }
    }
}
