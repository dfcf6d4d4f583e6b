import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The agenda's lines: section headers and items, in order; items carry their index in the agenda's list.
enum AgendaLayout {
    struct Line {
        var text: String
        var role: String
        /// The item's index in ``AgendaScreen/list``; nil for headers.
        var item: Int?
    }

    /// The lines of `agenda`; with no session only their order matters (for scrolling), not their text.
    static func lines(_ agenda: Agenda, session: DeskSession?) -> [Line] {
        let zone = session?.timeZone ?? "UTC"
        let now = session?.now ?? agenda.now
        var lines: [Line] = [Line(text: "My Agenda — \(Format.time(agenda.now, zone: zone, pattern: "EEEE d MMMM HH:mm")) (\(zone))", role: ThemeRole.header)]
        var index = 0
        for section in agenda.sections {
            lines.append(Line(text: "\(section.section.title) (\(section.count))", role: section.section == .overdue && section.count > 0 ? ThemeRole.error : ThemeRole.header))
            if section.items.isEmpty { lines.append(Line(text: "   nothing", role: ThemeRole.muted)) }
            for item in section.items {
                let pattern = section.section == .today || section.section == .tomorrow ? "HH:mm" : "EEE d MMM HH:mm"
                let who = [item.recordLabel, item.company].compactMap { $0 }.joined(separator: " · ")
                let notes = item.activity.notes.isEmpty ? "" : " — \(item.activity.notes.prefix(60))"
                let type = item.activity.type.label.padding(toLength: 8, withPad: " ", startingAt: 0)
                lines.append(Line(text: "   \(Format.time(item.activity.dueAt, zone: zone, pattern: pattern))  \(type) \(item.activity.subject) · \(who)\(notes)",
                                  role: section.section == .overdue ? ThemeRole.warning : ThemeRole.text, item: index))
                index += 1
            }
            if section.count > section.items.count {
                lines.append(Line(text: "   … \(Format.count(section.count - section.items.count)) more (4: Follow-ups)", role: ThemeRole.muted))
            }
        }
        let stalled = Format.count(agenda.stalledLeadCount, "stalled lead", cap: Agenda.stalledCountCap)
        let tickets = Format.count(agenda.ticketsAwaitingResponse.count, "ticket")
        lines.append(Line(text: "Needs attention: \(stalled), \(tickets) awaiting a first response", role: ThemeRole.header))
        for lead in agenda.stalledLeads {
            let stage = session.map { $0.pipeline.name(of: lead.lead.stage) } ?? ""
            let role = session.map { Format.stallRole(lead.lead, pipeline: $0.pipeline, now: now) } ?? ThemeRole.text
            lines.append(Line(text: "   stalled  \(lead.contactName) · \(lead.company ?? "") · \(stage) for \(Format.dayCount(since: lead.lead.lastTouchedAt, now: now))",
                              role: role, item: index))
            index += 1
        }
        for ticket in agenda.ticketsAwaitingResponse {
            let sla = Format.sla(ticket.ticket, ticket.firstResponse, now: now, zone: zone)
            lines.append(Line(text: "   \(ticket.ticket.number) \(ticket.ticket.subject) · \(sla.text)", role: sla.role, item: index))
            index += 1
        }
        return lines
    }
}

extension AgendaScreen {
    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        guard let agenda else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let lines = AgendaLayout.lines(agenda, session: context.session)
        let start = max(0, min(lineOffset, max(0, lines.count - area.height)))
        for (row, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.y + row
            let isSelected = line.item != nil && line.item == list.selected
            var style = theme.style(line.role)
            if isSelected {
                let selection = theme.style(ThemeRole.selection)
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selection)
                style.background = selection.background
                style.attributes.formUnion(selection.attributes)
            }
            grid.put((isSelected ? "▶" : " ") + line.text, x: area.x, y: y, style: style, maxWidth: area.width)
        }
    }
}
