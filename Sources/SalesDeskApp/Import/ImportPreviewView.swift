import Foundation
import TerminalUI

/// The import dialog: the mapping, the columns left out and the first rows; then a progress bar while it runs.
enum ImportPreviewView {
    static func render(_ preview: ImportPreview, grid: inout Grid, theme: Theme) {
        let box = grid.bounds.centered(width: min(grid.width - 4, 110), height: min(grid.height - 2, 30))
        grid.fill(box, style: theme.style(ThemeRole.background))
        let name = (preview.path as NSString).lastPathComponent
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: "Import \(name)\(preview.dryRun ? " (dry run)" : "")")
        var y = box.y + 1
        func line(_ text: String, _ role: String) {
            guard y < box.maxY - 3 else { return }
            grid.put(text, x: box.x + 2, y: y, style: theme.style(role), maxWidth: box.width - 4)
            y += 1
        }
        line("Mapping (existing contacts: \(preview.onDuplicate.rawValue))", ThemeRole.header)
        for mapped in preview.mapping { line("  \(mapped)", ThemeRole.text) }
        if !preview.unmapped.isEmpty { line("Left out: " + preview.unmapped.joined(separator: ", "), ThemeRole.warning) }
        y += 1
        line("First rows", ThemeRole.header)
        let table = TableView(columns: preview.columns.map { .init(title: $0.uppercased(), width: .flexible(min: 6)) })
        let rows = preview.sampleRows.map { $0.map { TableView.TableCell($0) } }
        var offset = 0
        let area = Rect(x: box.x + 2, y: y, width: box.width - 4, height: min(rows.count + 1, max(0, box.maxY - 3 - y)))
        if area.height > 0 { table.render(rows: rows, selected: nil, offset: &offset, in: area, grid: &grid, theme: theme) }
        let footerY = box.maxY - 2
        if let progress = preview.progress {
            let barWidth = max(10, box.width - 20)
            let filled = Int((Double(barWidth) * progress).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            grid.put("\(bar) \(Int(progress * 100))%", x: box.x + 2, y: footerY - 1, style: theme.style(ThemeRole.success), maxWidth: box.width - 4)
            grid.put(preview.progressText, x: box.x + 2, y: footerY, style: theme.style(ThemeRole.muted), maxWidth: box.width - 4)
        } else {
            grid.put("Enter import · Esc cancel", x: box.x + 2, y: footerY, style: theme.style(ThemeRole.muted), maxWidth: box.width - 4)
        }
    }
}
