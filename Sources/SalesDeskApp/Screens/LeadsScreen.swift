import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The Leads screen: queue tabs, a filter, and the table.
enum LeadsScreen {
    static let table = TableView(columns: [
        .init(title: "NAME", width: .flexible(min: 14)),
        .init(title: "COMPANY", width: .flexible(min: 12)),
        .init(title: "STAGE", width: .fixed(14)),
        .init(title: "DAYS", width: .fixed(4), alignRight: true),
        .init(title: "VALUE", width: .fixed(12), alignRight: true),
        .init(title: "SCORE", width: .fixed(8)),
        .init(title: "OWNER", width: .fixed(8)),
        .init(title: "NEXT", width: .fixed(12)),
    ])

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        TabBar.render(LeadQueue.allCases.map { $0.title }, active: state.leadQueue.rawValue, y: area.y, in: area, grid: &grid, theme: theme)
        let summary = "\(Format.count(state.leadCount, cap: DataLoader.countCap)) lead\(state.leadCount == 1 ? "" : "s") · sorted by \(SortLabel.of(state.leadSort))"
            + (state.leadFilterText.isEmpty ? "" : " · filter: \(state.leadFilterText)")
            + (state.cursor(.leads).marked.isEmpty ? "" : " · \(state.cursor(.leads).marked.count) marked")
        grid.put(summary, x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted), maxWidth: area.width - 2)
        let rows = state.leadRows.map { row -> [TableView.TableCell] in
            let lead = row.lead
            return [
                .init(row.contactName), .init(row.company ?? ""),
                .init(state.pipeline.name(of: lead.stage) + (lead.isOnHold ? " ⏸" : ""), role: "stage.\(lead.stage.rawValue)"),
                .init(String(Format.days(since: lead.lastTouchedAt, now: state.now)), role: Format.stallRole(lead, pipeline: state.pipeline, now: state.now)),
                .init(lead.value.formattedAmount), .init("\(lead.score) \(lead.band.rawValue)"), .init(row.ownerHandle),
                .init(row.nextFollowUpAt.map { Format.time($0, zone: state.user.timeZoneID, pattern: "d MMM HH:mm") } ?? "—"),
            ]
        }
        var cursor = state.cursor(.leads)
        let markedRows = Set(state.leadRows.indices.filter { cursor.marked.contains(state.leadRows[$0].id) })
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        table.render(rows: rows, selected: rows.isEmpty ? nil : cursor.selected, marked: markedRows, offset: &cursor.offset, in: body, grid: &grid, theme: theme)
        if rows.isEmpty { grid.put("No leads in this queue.", x: body.x + 1, y: body.y + 2, style: theme.style(ThemeRole.muted)) }
    }
}

/// The Tickets screen: queue tabs and the triage table with the SLA clock.
enum TicketsScreen {
    static let table = TableView(columns: [
        .init(title: "NUMBER", width: .fixed(8)),
        .init(title: "SUBJECT", width: .flexible(min: 16)),
        .init(title: "ACCOUNT", width: .flexible(min: 10)),
        .init(title: "PRIORITY", width: .fixed(8)),
        .init(title: "SLA", width: .fixed(21)),
        .init(title: "STATUS", width: .fixed(12)),
        .init(title: "ASSIGNEE", width: .fixed(8)),
        .init(title: "TEAM", width: .fixed(14)),
    ])

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        TabBar.render(TicketQueue.allCases.map(\.title), active: state.ticketQueue.rawValue, y: area.y, in: area, grid: &grid, theme: theme)
        grid.put("\(Format.count(state.ticketCount, cap: DataLoader.countCap)) ticket\(state.ticketCount == 1 ? "" : "s")", x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted))
        let rows = state.ticketRows.map { row -> [TableView.TableCell] in
            let ticket = row.ticket
            let sla = Format.sla(ticket, row.firstResponse, now: state.now, zone: state.user.timeZoneID)
            return [
                .init(ticket.number), .init(ticket.subject), .init(row.accountName ?? ""),
                .init(ticket.priority.label, role: "priority.\(ticket.priority.rawValue)"), .init(sla.text, role: sla.role),
                .init(ticket.status.label), .init(row.assigneeHandle ?? "—"), .init(row.teamName ?? ""),
            ]
        }
        var cursor = state.cursor(.tickets)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        table.render(rows: rows, selected: rows.isEmpty ? nil : cursor.selected, offset: &cursor.offset, in: body, grid: &grid, theme: theme)
        if rows.isEmpty { grid.put("No tickets in this queue.", x: body.x + 1, y: body.y + 2, style: theme.style(ThemeRole.muted)) }
    }
}


/// The notification inbox.
enum InboxScreen {
    static let table = TableView(columns: [
        .init(title: "WHEN", width: .fixed(16)),
        .init(title: "KIND", width: .fixed(12)),
        .init(title: "WHAT", width: .flexible(min: 20)),
    ])

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        grid.put("Inbox · \(state.unreadCount) waiting (x acknowledge, z snooze, Enter open)", x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        let rows = state.inbox.map { item -> [TableView.TableCell] in
            [.init(Format.time(item.createdAt, zone: state.user.timeZoneID)), .init(item.kind.rawValue.replacingOccurrences(of: "_", with: " ")),
             .init(item.title + (item.body.isEmpty ? "" : " — \(item.body)"))]
        }
        var cursor = state.cursor(.notifications)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        table.render(rows: rows, selected: rows.isEmpty ? nil : cursor.selected, offset: &cursor.offset, in: body, grid: &grid, theme: theme)
        if rows.isEmpty { grid.put("Nothing waiting.", x: body.x + 1, y: body.y + 2, style: theme.style(ThemeRole.muted)) }
    }
}
