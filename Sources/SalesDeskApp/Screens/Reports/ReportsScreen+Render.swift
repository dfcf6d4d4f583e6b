import Foundation
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore
import TerminalUI

extension ReportsScreen {
    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let names = ReportName.allCases
        TabBar.render(names.map(\.title), active: names.firstIndex(of: report) ?? 0, y: area.y, in: area, grid: &grid, theme: theme)
        guard let view else { return DetailLines.loading(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), grid: &grid, theme: theme) }
        grid.put(view.heading, x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        // What the report shows, in a sentence, on its own line (the export prompt takes the line while it is open).
        if exportPrompt == nil {
            grid.put(report.summary, x: area.x + 1, y: area.y + 2, style: theme.style(ThemeRole.muted), maxWidth: area.width - 2)
        }
        if let exportPrompt {
            let used = grid.put("Export to ", x: area.x + 1, y: area.y + 2, style: theme.style(ThemeRole.header))
            let fieldWidth = max(10, min(48, area.width - 2 - used - 2))
            exportPrompt.field.render(x: area.x + 1 + used, y: area.y + 2, width: fieldWidth, focused: true, grid: &grid, theme: theme)
            let hint = " .csv, .json or .md · typing replaces the suggested name · Enter writes · Esc cancels"
            grid.put(hint, x: area.x + 1 + used + fieldWidth, y: area.y + 2, style: theme.style(ThemeRole.muted), maxWidth: max(0, area.width - 2 - used - fieldWidth))
        }
        let chart = Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: Self.chartRows)
        for (row, line) in view.chart.lines(width: chart.width, height: chart.height - 1).prefix(chart.height).enumerated() {
            grid.put(line, x: chart.x, y: chart.y + row, style: theme.style(ThemeRole.text), maxWidth: chart.width)
        }
        for (row, note) in visibleNotes.enumerated() {
            // A note longer than the screen ends in "…", as any cut text does (the export has it whole).
            grid.put(note, x: chart.x, y: chart.maxY + row, style: theme.style(ThemeRole.text), maxWidth: chart.width)
        }
        let top = chart.maxY + visibleNotes.count
        let body = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        if let drill, drill.kind == .followUps {
            grid.put("\(drill.title) — Enter opens its lead or ticket, Esc goes back to the report", x: body.x + 1, y: body.y,
                     style: theme.style(ThemeRole.header), maxWidth: body.width - 2)
            let session = context.session
            ListView.render(drill.followUps, table: Self.followUpDrillTable, in: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1),
                            empty: "No follow-ups behind this figure.", theme: theme, grid: &grid) { row in
                let activity = row.activity
                let overdue = activity.state == .planned && activity.dueAt < session.now
                let state = overdue ? "Overdue" : activity.state == .planned ? "Planned" : activity.state == .done ? "Done" : "Cancelled"
                return [.init(Format.time(activity.dueAt, zone: session.timeZone), role: overdue ? ThemeRole.warning : nil),
                        .init(activity.type.label), .init(activity.subject), .init(row.recordLabel ?? ""),
                        .init(state, role: overdue ? ThemeRole.warning : nil), .init(row.ownerHandle)]
            }
            return
        }
        if let drill, drill.isTickets {
            grid.put("\(drill.title) — Enter opens a ticket, Esc goes back to the report", x: body.x + 1, y: body.y, style: theme.style(ThemeRole.header), maxWidth: body.width - 2)
            ListView.render(drill.tickets, table: Self.ticketDrillTable, in: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1),
                            empty: "No tickets behind this figure.", theme: theme, grid: &grid) { row in
                [.init(row.ticket.number), .init(row.ticket.subject), .init(row.ticket.priority.label), .init(row.ticket.status.label),
                 .init(row.teamName ?? ""), .init(row.assigneeHandle ?? "unassigned")]
            }
            return
        }
        if let drill {
            grid.put("\(drill.title) — Enter opens a lead, Esc goes back to the report", x: body.x + 1, y: body.y, style: theme.style(ThemeRole.header), maxWidth: body.width - 2)
            ListView.render(drill.leads, table: Self.drillTable, in: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1),
                            empty: "No leads behind this figure.", theme: theme, grid: &grid) { row in
                [.init(row.contactName), .init(row.company ?? ""), .init(context.session.pipeline.name(of: row.lead.stage)),
                 .init(row.lead.value.description), .init(row.ownerHandle)]
            }
            return
        }
        let table = Self.table(for: view.table, width: body.width)
        ListView.render(rows, table: table, in: body, empty: "Nothing in this period.", theme: theme, grid: &grid) { row in
            row.cells.map { TableView.TableCell($0.text, short: Self.shortFigure($0)) }
        }
    }

    /// A report's table: the first column (what each row is: a rep, a stage, a reason) as wide as its longest
    /// label, as far as the figures leave room (each figure keeps its minimum, so no column is dropped for it);
    /// the figures share the rest.
    static func table(for report: ReportTable, width: Int) -> TableView {
        let labels = report.rows.compactMap(\.first?.text) + report.columns.prefix(1).map { $0 }
        let widest = labels.map(DisplayWidth.of).max() ?? 16
        let figures = max(0, report.columns.count - 1)
        let room = width - figures * (figureMinimum + 1)
        let first = max(16, min(widest + 1, room))
        return TableView(columns: report.columns.enumerated().map { index, title in
            .init(title: title.uppercased(), width: index == 0 ? .fixed(first) : .flexible(min: figureMinimum), alignRight: index > 0)
        })
    }

    /// A large figure's short form for a column too narrow for it (`491.9M`, as the charts label their bars); nil for
    /// labels, percentages and figures below a thousand, which are never shortened.
    static func shortFigure(_ cell: ReportTable.Cell) -> String? {
        guard let number = cell.number, abs(number) >= 1_000 else { return nil }
        return ChartNumber.format(number)
    }

    /// The narrowest a report's figure column gets.
    static let figureMinimum = 9

    static let followUpDrillTable = TableView(columns: [
        .init(title: "DUE", width: .fixed(16)),
        .init(title: "TYPE", width: .fixed(8)),
        .init(title: "SUBJECT", width: .flexible(min: 14, weight: 2)),
        .init(title: "WHO", width: .flexible(min: 12)),
        .init(title: "STATE", width: .fixed(9)),
        .init(title: "OWNER", width: .fixed(8)),
    ])

    static let ticketDrillTable = TableView(columns: [
        .init(title: "TICKET", width: .fixed(9)),
        .init(title: "SUBJECT", width: .flexible(min: 20)),
        .init(title: "PRIORITY", width: .fixed(9)),
        .init(title: "STATUS", width: .flexible(min: 10)),
        .init(title: "TEAM", width: .flexible(min: 10)),
        .init(title: "ASSIGNEE", width: .fixed(10)),
    ])

    static let drillTable = TableView(columns: [
        .init(title: "NAME", width: .flexible(min: 14)),
        .init(title: "COMPANY", width: .flexible(min: 12)),
        .init(title: "STAGE", width: .flexible(min: 13)),
        .init(title: "VALUE", width: .fixed(16), alignRight: true),
        .init(title: "OWNER", width: .fixed(8)),
    ])
}
