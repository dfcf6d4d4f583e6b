import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// A record's history as one list, newest first: what was done (follow-ups completed or cancelled, comments),
/// what changed (the audit log: stage moves, assignments, edits), and when it began.
public struct Timeline {
    /// One line of the timeline.
    public struct Entry: Sendable {
        var at: Date
        var text: String
        var role: String
    }

    private(set) var entries: [Entry] = []

    /// A lead's timeline.
    init(lead detail: LeadDetail) {
        entries.append(Entry(at: detail.lead.createdAt, text: "created · source \(detail.lead.source.label)", role: ThemeRole.muted))
        for activity in detail.activities where activity.state != .planned {
            let outcome = activity.outcome.map { " — \($0)" } ?? ""
            entries.append(Entry(at: activity.completedAt ?? activity.dueAt,
                                 text: "\(activity.type.label.lowercased()) \(activity.state.rawValue): \(activity.subject)\(outcome)",
                                 role: ThemeRole.text))
        }
        entries += detail.history.filter { $0.action != "create" }.map(Self.audit)
        sortNewestFirst()
    }

    /// A ticket's timeline.
    init(ticket detail: TicketDetail) {
        entries.append(Entry(at: detail.ticket.createdAt, text: "opened · \(detail.ticket.category.label)", role: ThemeRole.muted))
        for comment in detail.comments {
            entries.append(Entry(at: comment.createdAt, text: "\(comment.isCustomerVisible ? "reply to customer" : "internal note"): \(comment.body)",
                                 role: comment.isCustomerVisible ? ThemeRole.text : ThemeRole.muted))
        }
        entries += detail.history.filter { $0.action != "create" && $0.action != "comment" }.map(Self.audit)
        sortNewestFirst()
    }

    /// Newest first; entries at the same instant keep the order they happened in, reversed.
    private mutating func sortNewestFirst() {
        entries = entries.enumerated().sorted { ($0.element.at, $0.offset) > ($1.element.at, $1.offset) }.map(\.element)
    }

    private static func audit(_ entry: AuditEntry) -> Entry {
        let change = entry.field.map { "\($0): \(entry.before ?? "—") → \(entry.after ?? "—")" } ?? (entry.after ?? "")
        return Entry(at: entry.at, text: "\(entry.action) \(change)", role: ThemeRole.muted)
    }

    /// Draws as many entries as fit from row `y` down to the bottom of `area`.
    func render(from y: Int, in area: Rect, zone: String, grid: inout Grid, theme: Theme) {
        for (row, entry) in entries.prefix(max(0, area.maxY - y)).enumerated() {
            let when = Format.time(entry.at, zone: zone, pattern: "d MMM yyyy HH:mm")
            grid.put("\(when)  \(entry.text)", x: area.x + 1, y: y + row, style: theme.style(entry.role), maxWidth: area.width - 2)
        }
    }
}
