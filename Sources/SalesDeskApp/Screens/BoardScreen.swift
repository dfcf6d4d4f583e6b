import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The pipeline board: one column per stage with count, total and weighted value; cards by age.
enum BoardScreen {
    static let columnWidth = 24

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        grid.put("Pipeline board · \(state.boardScopeLabel) (f cycles, / names an owner or team) · H/L move card",
                 x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        guard !state.board.isEmpty else { return }
        let visibleColumns = max(1, area.width / columnWidth)
        let first = max(0, min(state.boardColumn - visibleColumns / 2, state.board.count - visibleColumns))
        let width = area.width / min(visibleColumns, state.board.count)
        for (slot, index) in (first..<min(state.board.count, first + visibleColumns)).enumerated() {
            let column = state.board[index]
            let rect = Rect(x: area.x + slot * width, y: area.y + 1, width: width, height: area.height - 1)
            let focused = index == state.boardColumn
            let stageRole = "stage.\(column.stage.rawValue)"
            grid.box(rect, style: focused ? theme.style(ThemeRole.focusBorder) : theme.style(ThemeRole.muted), title: column.name)
            let total = column.totals.first.map { "\($0.compactAmount) \($0.currency)" } ?? "0"
            let weighted = column.weightedTotals.first.map { $0.compactAmount } ?? "0"
            let more = column.totals.count > 1 ? " +\(column.totals.count - 1)cur" : ""
            grid.put("\(column.count) · \(total)\(more)", x: rect.x + 1, y: rect.y + 1, style: theme.style(stageRole), maxWidth: rect.width - 2)
            grid.put("weighted \(weighted)", x: rect.x + 1, y: rect.y + 2, style: theme.style(ThemeRole.muted), maxWidth: rect.width - 2)
            let cardRows = max(0, (rect.height - 4) / 2)
            let selected = focused ? state.boardCard : -1
            let start = focused ? max(0, selected - cardRows + 1) : 0
            for (row, cardIndex) in (start..<min(column.cards.count, start + cardRows)).enumerated() {
                let card = column.cards[cardIndex]
                let y = rect.y + 3 + row * 2
                let isSelected = cardIndex == selected
                let base = isSelected ? theme.style(ThemeRole.selection) : theme.style(ThemeRole.text)
                if isSelected { grid.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 2), style: base) }
                grid.put(card.contactName, x: rect.x + 1, y: y, style: base.with(.bold), maxWidth: rect.width - 2)
                let days = Format.days(since: card.lead.lastTouchedAt, now: state.now)
                var stall = theme.style(Format.stallRole(card.lead, pipeline: state.pipeline, now: state.now))
                if isSelected { stall.background = base.background }
                let used = grid.put("\(card.lead.value.compactAmount) · \(card.ownerHandle) · ", x: rect.x + 1, y: y + 1, style: base, maxWidth: rect.width - 2)
                grid.put("\(days)d", x: rect.x + 1 + used, y: y + 1, style: stall, maxWidth: max(0, rect.width - 2 - used))
            }
        }
    }
}
