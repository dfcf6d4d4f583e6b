import Foundation
import SalesDeskStore
import TerminalUI

/// Draws a record's timeline (the store's ``TimelineEntry`` sentences, newest first) as a scrolling list.
enum TimelineView {
    /// A timeline entry as a list row.
    struct Row: Sendable, Identifiable {
        var entry: TimelineEntry
        var id: Int64
    }

    static func rows(_ entries: [TimelineEntry]) -> [Row] {
        entries.enumerated().map { Row(entry: $0.element, id: Int64($0.offset)) }
    }

    /// The theme role of an entry's kind.
    static func role(_ kind: TimelineEntry.Kind) -> String {
        switch kind {
        case .created, .system: ThemeRole.muted
        case .change, .internalNote: ThemeRole.muted
        case .work, .customerReply: ThemeRole.text
        }
    }

    /// Draws `list` in `area`; `focused` shows its selection.
    static func render(_ list: ListState<Row>, focused: Bool, in area: Rect, zone: String, grid: inout Grid, theme: Theme) {
        guard area.height > 0 else { return }
        if list.isEmpty { grid.put("Nothing has happened yet.", x: area.x + 1, y: area.y, style: theme.style(ThemeRole.muted)) }
        let start = max(0, min(list.offset, max(0, list.rows.count - area.height)))
        for (row, index) in (start..<min(list.rows.count, start + area.height)).enumerated() {
            let entry = list.rows[index].entry
            let when = Format.time(entry.at, zone: zone, pattern: "d MMM yyyy HH:mm")
            let who = entry.actor.map { "\($0): " } ?? ""
            let selected = focused && index == list.selected
            grid.put("\(selected ? "▶" : " ")\(when)  \(who)\(entry.sentence)", x: area.x, y: area.y + row,
                     style: theme.style(selected ? ThemeRole.selection : role(entry.kind)), maxWidth: area.width - 1)
        }
    }
}
