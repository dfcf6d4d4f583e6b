import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The Follow-ups screen: planned activities, soonest first, filterable by type.
enum FollowUpsScreen {
    static let columns: [TableView.Column] = [
        .init(title: "DUE", width: .fixed(16)),
        .init(title: "TYPE", width: .fixed(8)),
        .init(title: "SUBJECT", width: .flexible(min: 14)),
        .init(title: "WHO", width: .flexible(min: 12)),
        .init(title: "COMPANY", width: .flexible(min: 10)),
    ]
    /// Managers see their team's follow-ups, so they get the owner too.
    static let teamTable = TableView(columns: columns + [.init(title: "OWNER", width: .fixed(8))])
    static let table = TableView(columns: columns)

    static func render(_ state: AppState, in area: Rect, grid: inout Grid) {
        let theme = state.theme
        let whose = state.seesTeamFollowUps ? "Team's planned follow-ups" : "Planned follow-ups"
        let marked = state.cursor(.followUps).marked
        let title = "\(whose) · type: \(state.followUpType?.label ?? "all") (t) · due: \(state.followUpRange.title) (d)"
            + (marked.isEmpty ? "" : " · \(marked.count) marked (r reschedules them)")
        grid.put(title, x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        let rows = state.followUpRows.map { row -> [TableView.TableCell] in
            let overdue = row.activity.dueAt < state.now
            return [
                .init(Format.time(row.activity.dueAt, zone: state.user.timeZoneID), role: overdue ? ThemeRole.warning : nil),
                .init(row.activity.type.label), .init(row.activity.subject), .init(row.recordLabel ?? ""), .init(row.company ?? ""),
            ] + (state.seesTeamFollowUps ? [.init(row.ownerHandle)] : [])
        }
        var cursor = state.cursor(.followUps)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let markedRows = Set(state.followUpRows.indices.filter { marked.contains(state.followUpRows[$0].id) })
        (state.seesTeamFollowUps ? teamTable : table).render(rows: rows, selected: rows.isEmpty ? nil : cursor.selected, marked: markedRows, offset: &cursor.offset, in: body, grid: &grid, theme: theme)
    }
}
