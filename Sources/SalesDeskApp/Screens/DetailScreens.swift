import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// A lead's fields, score breakdown, follow-ups and timeline.
enum LeadDetailScreen {
    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        guard let detail = state.leadDetail else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let lead = detail.lead
        let zone = state.user.timeZoneID
        var lines = DetailLines(area: area, theme: theme)
        func line(_ text: String, _ role: String = ThemeRole.text) { lines.put(text, role, grid: &grid) }
        line("\(detail.contact.name) · \(detail.account?.name ?? "no company")   lead #\(lead.id ?? 0)", ThemeRole.header)
        line("Deal: \(lead.title)")
        line("Stage: \(state.pipeline.name(of: lead.stage))\(lead.isOnHold ? " (On Hold)" : "") · \(Format.dayCount(since: lead.lastTouchedAt, now: state.now)) since last touch",
             "stage.\(lead.stage.rawValue)")
        if let reason = lead.lossReason { line("Lost: \(reason)", ThemeRole.error) }
        line("Value: \(lead.value) · Score \(lead.score) (\(lead.band.rawValue)) · Owner \(detail.owner.handle) · Source \(lead.source.label)")
        line("Contact: \([detail.contact.email, detail.contact.phone, detail.contact.title].compactMap { $0 }.joined(separator: " · "))", ThemeRole.muted)
        line("Score: " + detail.scoreBreakdown.map { "\($0.reason) +\($0.points)" }.joined(separator: ", "), ThemeRole.muted)
        lines.y += 1
        line("Follow-ups (c complete, r reschedule)", ThemeRole.header)
        let selected = state.cursor(state.screen).selected
        for (index, activity) in detail.activities.prefix(max(0, (area.maxY - lines.y) / 2)).enumerated() {
            let text = "\(index == selected ? "▶" : " ") \(Format.time(activity.dueAt, zone: zone)) \(activity.type.label) \(activity.subject) [\(activity.state.rawValue)]\(activity.outcome.map { " — \($0)" } ?? "")"
            line(text, index == selected ? ThemeRole.selection : activity.state == .planned ? ThemeRole.text : ThemeRole.muted)
        }
        lines.y += 1
        line("Timeline", ThemeRole.header)
        Timeline(lead: detail).render(from: lines.y, in: area, zone: zone, grid: &grid, theme: theme)
    }
}

/// A ticket's fields, SLA, comments and history.
enum TicketDetailScreen {
    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        guard let detail = state.ticketDetail else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let ticket = detail.ticket
        let zone = state.user.timeZoneID
        var lines = DetailLines(area: area, theme: theme)
        func line(_ text: String, _ role: String = ThemeRole.text) { lines.put(text, role, grid: &grid) }
        let sla = Format.sla(ticket, detail.firstResponse, now: state.now, zone: zone)
        line("\(ticket.number)  \(ticket.subject)", ThemeRole.header)
        line("Status: \(ticket.status.label) · Priority: \(ticket.priority.label) · \(ticket.category.label)", "priority.\(ticket.priority.rawValue)")
        line("Team: \(detail.teamName ?? "—") · Assignee: \(detail.assignee?.handle ?? "—") · Account: \(detail.account?.name ?? "—")")
        line("Opened \(Format.time(ticket.createdAt, zone: zone)) · first response: \(sla.text)", sla.role)
        if !ticket.description.isEmpty { line(ticket.description, ThemeRole.muted) }
        lines.y += 1
        line("Timeline (R reply or note, s status, a assign, p priority, c category)", ThemeRole.header)
        Timeline(ticket: detail).render(from: lines.y, in: area, zone: zone, grid: &grid, theme: theme)
    }
}

/// Writes a record screen top-down, one line at a time, and stops at the bottom of its area.
struct DetailLines {
    let area: Rect
    let theme: Theme
    /// The row the next line goes on.
    var y: Int

    init(area: Rect, theme: Theme) {
        self.area = area
        self.theme = theme
        y = area.y
    }

    /// Puts `text` in `role` on the next row, if there is one.
    mutating func put(_ text: String, _ role: String, grid: inout Grid) {
        guard y < area.maxY else { return }
        grid.put(text, x: area.x + 1, y: y, style: theme.style(role), maxWidth: area.width - 2)
        y += 1
    }

    /// What a record screen shows until its data has loaded.
    static func loading(in area: Rect, grid: inout Grid, theme: Theme) {
        grid.put("Loading…", x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted))
    }
}
