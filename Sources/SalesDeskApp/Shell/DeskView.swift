import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Draws the whole desk for a state: tab bar, the current screen, status line, footer, and any dialog.
public enum DeskView {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height, style: state.theme.style(ThemeRole.background))
        let minimum = AppState.minimumSize
        guard state.width >= minimum.width, state.height >= minimum.height else {
            TooSmallMessage.render(need: minimum, grid: &grid, theme: state.theme)
            return grid
        }
        let theme = state.theme
        let (top, rest) = grid.bounds.splitTop(1)
        let (content, bottom) = rest.splitBottom(2)
        renderTabs(state, area: top, grid: &grid)
        state.screen.render(in: content, RenderContext(session: state.session, theme: theme), grid: &grid)
        if let status = state.status {
            grid.put(status.text, x: 1, y: bottom.y, style: theme.style(status.isError ? ThemeRole.error : ThemeRole.success), maxWidth: bottom.width - 2)
        } else if let warning = state.warning {
            grid.put("⚠ " + warning, x: 1, y: bottom.y, style: theme.style(ThemeRole.warning), maxWidth: bottom.width - 2)
        }
        if state.isReading {
            let reading = " Reading… "
            grid.put(reading, x: bottom.maxX - DisplayWidth.of(reading) - 1, y: bottom.y, style: theme.style(ThemeRole.muted))
        }
        FooterHints.render(CommandTable(state: state).footer, pinned: (key: "?", label: "help"), y: bottom.maxY - 1, in: bottom, grid: &grid, theme: theme)
        if let modal = state.modal { ModalView.render(modal, state: state, grid: &grid) }
        return grid
    }

    /// The tab titles, with the inbox's unread count.
    static func tabTitles(_ state: AppState) -> [String] {
        ScreenRegistry.tabs.enumerated().map { index, tab in
            let count = tab.id == .inbox && state.unreadCount > 0 ? " (\(Format.count(state.unreadCount)))" : ""
            return "\(index + 1) \(tab.title)\(count)"
        }
    }

    private static func renderTabs(_ state: AppState, area: Rect, grid: inout Grid) {
        let titles = tabTitles(state)
        let root = state.history.first ?? state.current
        let active = ScreenRegistry.tabs.firstIndex { $0.id == root } ?? 0
        TabBar.render(titles, active: active, y: area.y, in: area, grid: &grid, theme: state.theme)
        let tabsEnd = area.x + titles.reduce(0) { $0 + DisplayWidth.of(" \($1) ") + 1 }
        let room = area.maxX - 1 - tabsEnd - 1
        if let who = whoLabels(state).first(where: { DisplayWidth.of($0) <= room }) {
            grid.put(who, x: area.maxX - DisplayWidth.of(who) - 1, y: area.y, style: state.theme.style(ThemeRole.muted))
        }
    }

    /// Who is signed in, longest first: the tab bar shows the longest that fits beside the tabs (an unread
    /// count in the Inbox tab must not make the name vanish).
    static func whoLabels(_ state: AppState) -> [String] {
        let user = state.session.user
        let readOnly = state.session.readOnly ? " · read-only" : ""
        let first = user.name.split(separator: " ").first.map(String.init) ?? user.name
        return ["\(user.name) · \(user.role.label)\(readOnly)", "\(user.name)\(readOnly)", "\(first)\(readOnly)"]
    }
}
