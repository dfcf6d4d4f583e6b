import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension BoardScreen {
    static let columnWidth = 26
    /// Rows of a column above its cards: the count, the totals (two rows when there are other currencies), weighted.
    static let headerRows = 4

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        let whose = shownScope == .everyone && !session.seesEveryTeam ? "my team" : shownScope.title
        let closed = period?.label(in: session.zone) ?? "all time"
        grid.put("Pipeline board · \(whose) · Won and Lost: \(closed)", x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        guard !columns.isEmpty else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let visibleColumns = max(1, min(columns.count, area.width / Self.columnWidth))
        let first = max(0, min(focus - visibleColumns / 2, columns.count - visibleColumns))
        let width = area.width / visibleColumns
        for (slot, index) in (first..<min(columns.count, first + visibleColumns)).enumerated() {
            let column = columns[index]
            let rect = Rect(x: area.x + slot * width, y: area.y + 1, width: width, height: area.height - 1)
            renderColumn(column, focused: index == focus, in: rect, session: session, theme: theme, grid: &grid)
        }
        if first > 0 { grid.put("◀", x: area.x, y: area.y, style: theme.style(ThemeRole.muted)) }
        if first + visibleColumns < columns.count { grid.put("▶", x: area.maxX - 1, y: area.y, style: theme.style(ThemeRole.muted)) }
    }

    private func renderColumn(_ column: BoardColumn, focused: Bool, in rect: Rect, session: DeskSession, theme: Theme, grid: inout Grid) {
        let inner = rect.width - 2
        grid.box(rect, style: focused ? theme.style(ThemeRole.focusBorder) : theme.style(ThemeRole.muted), title: column.name)
        let header = [CountPhrase.of(column.count, "deal")]
            + TextWrap.lines(column.totals.isEmpty ? "no value" : MoneyTotals(column.totals).summary, width: inner).prefix(2)
            + [column.weightedTotals.first.map { "weighted \($0.compactDescription)" } ?? ""]
        for (row, line) in header.prefix(Self.headerRows).enumerated() {
            grid.put(line, x: rect.x + 1, y: rect.y + 1 + row, style: theme.style(row == 0 ? "stage.\(column.stage.rawValue)" : ThemeRole.muted), maxWidth: inner)
        }
        let list = cards[column.stage] ?? ListState()
        let slots = max(0, (rect.height - 2 - Self.headerRows) / 2)
        let start = max(0, min(list.offset, max(0, list.rows.count - slots)))
        for (row, index) in (start..<min(list.rows.count, start + slots)).enumerated() {
            let card = list.rows[index]
            let y = rect.y + 1 + Self.headerRows + row * 2
            let isSelected = focused && index == list.selected
            let base = isSelected ? theme.style(ThemeRole.selection) : theme.style(ThemeRole.text)
            if isSelected { grid.fill(Rect(x: rect.x + 1, y: y, width: inner, height: 2), style: base) }
            grid.put(card.contactName, x: rect.x + 1, y: y, style: base.with(.bold), maxWidth: inner)
            var stall = theme.style(Format.stallRole(card.lead, pipeline: session.pipeline, now: session.now))
            if isSelected { stall.background = base.background }
            let used = grid.put("\(card.lead.value.compactDescription) · \(card.ownerHandle) · ", x: rect.x + 1, y: y + 1, style: base, maxWidth: inner)
            grid.put("\(Format.days(since: card.lead.lastTouchedAt, now: session.now))d", x: rect.x + 1 + used, y: y + 1, style: stall, maxWidth: max(0, inner - used))
        }
        if list.next != nil || start + slots < list.rows.count {
            grid.put("↓", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.style(ThemeRole.muted))
        }
    }
}
