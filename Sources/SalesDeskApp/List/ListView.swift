import TerminalUI

/// Draws a ``ListState`` as a table: the header, the rows from the state's offset, the selection and the marks.
/// Only the visible rows are turned into cells.
enum ListView {
    static func render<Row>(_ list: ListState<Row>, table: TableView, in area: Rect, empty: String, theme: Theme, grid: inout Grid,
                            cells: (Row) -> [TableView.TableCell]) {
        guard area.height > 0 else { return }
        if !list.hasLoaded {
            DetailLines.loading(in: area, grid: &grid, theme: theme)
            return
        }
        let visible = max(0, area.height - 1)
        let start = max(0, min(list.offset, max(0, list.rows.count - visible)))
        let shown = list.rows[start..<min(list.rows.count, start + visible)]
        let rows = shown.map(cells)
        let marked = Set(shown.enumerated().filter { list.marked.contains($0.element.id) }.map(\.offset))
        let selected = list.rows.isEmpty ? nil : list.selected - start
        var offset = 0
        table.render(rows: rows, selected: selected, marked: marked, offset: &offset, in: area, grid: &grid, theme: theme)
        if list.rows.isEmpty { grid.put(empty, x: area.x + 1, y: area.y + 2, style: theme.style(ThemeRole.muted), maxWidth: area.width - 2) }
        if list.next != nil, area.height > 2 {
            grid.put(" ↓ more ", x: area.maxX - 9, y: area.y, style: theme.style(ThemeRole.header))
        }
    }
}
