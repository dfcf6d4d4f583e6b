import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// My Agenda: Overdue, Today, Tomorrow, This week, Later, then what needs attention.
enum AgendaScreen {
    private struct Line {
        var text: String
        var role: String
        var selectable: Int?
    }

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        guard let agenda = state.agenda else {
            grid.put("Loading…", x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted))
            return
        }
        let zone = state.user.timeZoneID
        var lines: [Line] = [Line(text: "My Agenda — \(Format.time(agenda.now, zone: zone, pattern: "EEEE d MMMM HH:mm")) (\(zone))", role: ThemeRole.header)]
        var index = 0
        for section in agenda.sections {
            lines.append(Line(text: "\(section.section.title) (\(section.count))", role: section.section == .overdue && section.count > 0 ? ThemeRole.error : ThemeRole.header))
            if section.items.isEmpty { lines.append(Line(text: "   nothing", role: ThemeRole.muted)) }
            for item in section.items {
                let pattern = section.section == .today || section.section == .tomorrow ? "HH:mm" : "EEE d MMM HH:mm"
                let who = [item.recordLabel, item.company].compactMap { $0 }.joined(separator: " · ")
                let notes = item.activity.notes.isEmpty ? "" : " — \(item.activity.notes.prefix(60))"
                lines.append(Line(text: "   \(Format.time(item.activity.dueAt, zone: zone, pattern: pattern))  \(item.activity.type.label.padding(toLength: 8, withPad: " ", startingAt: 0)) \(item.activity.subject) · \(who)\(notes)",
                                  role: section.section == .overdue ? ThemeRole.warning : ThemeRole.text, selectable: index))
                index += 1
            }
            if section.count > section.items.count { lines.append(Line(text: "   … \(section.count - section.items.count) more (4: Follow-ups)", role: ThemeRole.muted)) }
        }
        lines.append(Line(text: "Needs attention: \(Format.count(agenda.stalledLeadCount, cap: Agenda.stalledCountCap)) stalled leads, \(agenda.ticketsAwaitingResponse.count) tickets awaiting a first response", role: ThemeRole.header))
        for lead in agenda.stalledLeads {
            let days = Format.days(since: lead.lead.lastTouchedAt, now: state.now)
            lines.append(Line(text: "   stalled  \(lead.contactName) · \(lead.company ?? "") · \(state.pipeline.name(of: lead.lead.stage)) for \(days) days",
                              role: Format.stallRole(lead.lead, pipeline: state.pipeline, now: state.now), selectable: index))
            index += 1
        }
        for ticket in agenda.ticketsAwaitingResponse {
            let sla = Format.sla(ticket.ticket, ticket.firstResponse, now: state.now, zone: zone)
            lines.append(Line(text: "   \(ticket.ticket.number) \(ticket.ticket.subject) · \(sla.text)", role: sla.role, selectable: index))
            index += 1
        }
        let selected = state.cursor(.agenda).selected
        let selectedLine = lines.firstIndex { $0.selectable == selected } ?? 0
        let start = max(0, min(selectedLine - area.height / 2, lines.count - area.height))
        for (row, line) in lines.dropFirst(max(0, start)).prefix(area.height).enumerated() {
            let y = area.y + row
            let isSelected = line.selectable != nil && line.selectable == selected
            var style = theme.style(line.role)
            if isSelected {
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme.style(ThemeRole.selection))
                style.background = theme.style(ThemeRole.selection).background
                style.attributes.formUnion(theme.style(ThemeRole.selection).attributes)
            }
            grid.put((isSelected ? "▶" : " ") + line.text, x: area.x, y: y, style: style, maxWidth: area.width)
        }
    }
}
