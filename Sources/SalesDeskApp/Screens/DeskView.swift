import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Draws the whole desk for a state: tab bar, the current screen, status line, footer, and any modal.
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
        switch state.screen {
        case .agenda: AgendaScreen.render(state, in: content, grid: &grid)
        case .leads: LeadsScreen.render(state, in: content, grid: &grid)
        case .tickets: TicketsScreen.render(state, in: content, grid: &grid)
        case .followUps: FollowUpsScreen.render(state, in: content, grid: &grid)
        case .board: BoardScreen.render(state, in: content, grid: &grid)
        case .notifications: InboxScreen.render(state, in: content, grid: &grid)
        case .leadDetail: LeadDetailScreen.render(state, in: content, grid: &grid)
        case .ticketDetail: TicketDetailScreen.render(state, in: content, grid: &grid)
        }
        if let status = state.status {
            grid.put(status.text, x: 1, y: bottom.y, style: theme.style(status.isError ? ThemeRole.error : ThemeRole.success), maxWidth: bottom.width - 2)
        }
        let hints = KeyMap.commands.filter { $0.inFooter && $0.applies(to: state.screen) && $0.name != "help" }
            .map { (key: $0.keys[0].label, label: $0.hint ?? $0.summary) }
        FooterHints.render([(key: "1-6", label: "screens")] + hints, pinned: (key: "?", label: "help"), y: bottom.maxY - 1, in: bottom, grid: &grid, theme: theme)
        if let modal = state.modal { ModalView.render(modal, state: state, grid: &grid) }
        return grid
    }

    /// The tab titles, with the inbox's unread count.
    static func tabTitles(_ state: AppState) -> [String] {
        Screen.main.enumerated().map { "\($0.offset + 1) \($0.element.title)\($0.element == .notifications && state.unreadCount > 0 ? " (\(state.unreadCount))" : "")" }
    }

    private static func renderTabs(_ state: AppState, area: Rect, grid: inout Grid) {
        let titles = tabTitles(state)
        let active = Screen.main.firstIndex(of: state.screen) ?? Screen.main.firstIndex(of: state.history.first ?? .agenda) ?? 0
        TabBar.render(titles, active: active, y: area.y, in: area, grid: &grid, theme: state.theme)
        let who = "\(state.user.name) · \(state.user.role.label)\(state.readOnly ? " · read-only" : "")"
        let width = DisplayWidth.of(who)
        if area.width - width - 1 > 70 { grid.put(who, x: area.maxX - width - 1, y: area.y, style: state.theme.style(ThemeRole.muted)) }
    }
}

/// Shared formatting for screens: times in the user's zone, stall colours, SLA clocks.
enum Format {
    static func time(_ date: Date, zone: String, pattern: String = "EEE d MMM HH:mm") -> String {
        DateFormatters.shared.formatter(zone: zone, pattern: pattern).string(from: date)
    }

    /// `1,234`, or `10,000+` when counting stopped at `cap`.
    static func count(_ value: Int, cap: Int) -> String {
        let grouped = value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        return value >= cap ? grouped + "+" : grouped
    }

    static func days(since date: Date, now: Date) -> Int { max(0, Int(now.timeIntervalSince(date) / 86_400)) }

    /// `1 day`, `12 days`.
    static func dayCount(since date: Date, now: Date) -> String {
        let days = days(since: date, now: now)
        return "\(days) day\(days == 1 ? "" : "s")"
    }

    /// `stall.fresh` under the stage's threshold, `stall.warn` under twice it, `stall.rotten` beyond.
    static func stallRole(_ lead: Lead, pipeline: Pipeline, now: Date) -> String {
        guard let threshold = pipeline.definition(of: lead.stage)?.stallDays else { return ThemeRole.muted }
        let age = now.timeIntervalSince(lead.lastTouchedAt) / 86_400
        if age < Double(threshold) { return "stall.fresh" }
        return age < Double(threshold * 2) ? "stall.warn" : "stall.rotten"
    }

    /// The first-response SLA of a ticket: text and role (`sla.ok`, `sla.at_risk`, `sla.breached`).
    /// The first-response SLA cell: business time left (`1h20 left`), `paused`, `breached <when>`, or how fast
    /// the first reply came; with its role (`sla.ok`, `sla.at_risk`, `sla.breached`).
    static func sla(_ ticket: Ticket, _ due: FirstResponseDue?, now: Date, zone: String) -> (text: String, role: String) {
        if let responded = ticket.firstResponseAt {
            let minutes = Int(responded.timeIntervalSince(ticket.createdAt) / 60)
            return ("replied \(duration(minutes))", ThemeRole.muted)
        }
        guard let due else { return ("—", ThemeRole.muted) }
        let left = "\(duration(Int(due.remainingSeconds(at: now) / 60))) left"
        switch due.state(at: now) {
        case .ok: return (left, "sla.ok")
        case .atRisk: return (left, "sla.at_risk")
        case .paused: return (due.remainingSeconds(at: now) > 0 ? "paused, \(left)" : "paused, target missed", ThemeRole.muted)
        case .breached: return ("breached \(time(due.breachAt ?? now, zone: zone, pattern: "d MMM HH:mm"))", "sla.breached")
        }
    }

    static func duration(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 48 * 60 { return "\(minutes / 60)h\(minutes % 60 > 0 ? String(format: "%02d", minutes % 60) : "")" }
        return "\(minutes / 1440)d"
    }
}
