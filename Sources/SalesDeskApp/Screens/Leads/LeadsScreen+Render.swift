import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension LeadsScreen {
    static let table = TableView(columns: [
        .init(title: "NAME", width: .flexible(min: 14)),
        .init(title: "COMPANY", width: .flexible(min: 12)),
        .init(title: "STAGE", width: .flexible(min: 13)),
        .init(title: "DAYS", width: .fixed(4), alignRight: true),
        .init(title: "VALUE", width: .fixed(16), alignRight: true),
        .init(title: "SCORE", width: .fixed(8)),
        .init(title: "OWNER", width: .fixed(8)),
        .init(title: "NEXT", width: .fixed(12)),
    ])

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        TabBar.render(LeadQueue.allCases.map(\.title), active: queue.rawValue, y: area.y, in: area, grid: &grid, theme: theme)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        ListView.render(list, table: Self.table, in: body, empty: filterText.isEmpty ? "No leads in this queue." : "No leads match the filter (Esc clears it).",
                        theme: theme, grid: &grid) { row in
            let lead = row.lead
            return [
                .init(row.contactName), .init(row.company ?? ""),
                .init(session.pipeline.name(of: lead.stage) + (lead.isOnHold ? " ⏸" : ""), role: "stage.\(lead.stage.rawValue)"),
                .init(String(Format.days(since: lead.lastTouchedAt, now: session.now)), role: Format.stallRole(lead, pipeline: session.pipeline, now: session.now)),
                .init(lead.value.description), .init("\(lead.score) \(lead.band.rawValue)"), .init(row.ownerHandle),
                .init(row.nextFollowUpAt.map { Format.time($0, zone: session.timeZone, pattern: "d MMM HH:mm") } ?? "—"),
            ]
        }
        if let prompt {
            grid.fill(Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), style: theme.style(ThemeRole.background))
            prompt.render(x: area.x + 1, y: area.y + 1, width: area.width - 2, hint: "Enter keeps · Esc clears", grid: &grid, theme: theme)
            if let error = prompt.error { FilterPrompt.renderError(error, below: area.y + 1, in: area, grid: &grid, theme: theme) }
        } else {
            var summary = "\(count.map { Format.count($0, "lead", cap: Self.countCap) } ?? "Leads matching") · sorted by \(sort.label)"
            if !shownFilterText.isEmpty { summary += " · filter: \(shownFilterText) (Esc clears)" }
            if !list.marked.isEmpty { summary += " · \(list.marked.count) marked" }
            grid.put(summary, x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted), maxWidth: area.width - 2)
        }
    }
}

extension FilterPrompt {
    /// Draws a filter error under the prompt, wrapped over the rows below it (never cut at the edge).
    static func renderError(_ error: String, below y: Int, in area: Rect, grid: inout Grid, theme: Theme) {
        let lines = TextWrap.lines(error, width: max(10, area.width - 4))
        for (index, line) in lines.prefix(max(1, area.maxY - y - 1)).enumerated() {
            let row = y + 1 + index
            grid.fill(Rect(x: area.x, y: row, width: area.width, height: 1), style: theme.style(ThemeRole.background))
            grid.put(line, x: area.x + 2, y: row, style: theme.style(ThemeRole.error), maxWidth: area.width - 4)
        }
    }
}
