import TerminalUI

/// Draws dialogs over the screen. Long texts wrap inside the dialog, which grows to hold them: nothing is cut
/// off at a dialog's edge.
enum ModalView {
    static func render(_ modal: Modal, state: AppState, grid: inout Grid) {
        let theme = state.theme
        switch modal {
        case .importPreview(let preview):
            ImportPreviewView.render(preview, grid: &grid, theme: theme)
        case .confirmQuit:
            message(title: "Quit?", text: "A form has unsaved input. Quit and lose it? (y: quit · any other key: back to the form)",
                    role: ThemeRole.warning, grid: &grid, theme: theme)
        case .message(let title, let text, let isError):
            message(title: title, text: text + "\n\nEnter closes", role: isError ? ThemeRole.error : ThemeRole.text, grid: &grid, theme: theme)
        case .help(let help):
            renderHelp(help, state: state, grid: &grid)
        case .form(let form):
            renderForm(form, grid: &grid, theme: theme)
        }
    }

    /// A box with a wrapped message.
    private static func message(title: String, text: String, role: String, grid: inout Grid, theme: Theme) {
        let width = min(grid.width - 4, 72)
        let lines = TextWrap.lines(text, width: width - 4)
        let box = grid.bounds.centered(width: width, height: min(grid.height - 2, lines.count + 4))
        grid.fill(box, style: theme.style(ThemeRole.background))
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: title)
        for (row, line) in lines.prefix(box.height - 4).enumerated() {
            grid.put(line, x: box.x + 2, y: box.y + 2 + row, style: theme.style(role), maxWidth: box.width - 4)
        }
    }

    private static func renderHelp(_ help: HelpState, state: AppState, grid: inout Grid) {
        let theme = state.theme
        let box = grid.bounds.centered(width: min(grid.width - 4, 84), height: grid.height - 2)
        grid.fill(box, style: theme.style(ThemeRole.background))
        let entries = CommandTable(state: state).matching(help.filter.text)
        let rows = max(1, box.height - 5)
        let first = max(0, min(help.offset, max(0, entries.count - rows)))
        let position = entries.count > rows ? " · \(first + 1)–\(min(entries.count, first + rows)) of \(entries.count), ↑/↓ scroll" : ""
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: "Help — \(state.screen.title)\(position)")
        help.filter.render(x: box.x + 2, y: box.y + 1, width: box.width - 4, focused: true, grid: &grid, theme: theme)
        let keyWidth = 16
        for (row, entry) in entries.dropFirst(first).prefix(rows).enumerated() {
            let y = box.y + 3 + row
            grid.put(DisplayWidth.fit(entry.keyLabel, to: keyWidth - 1), x: box.x + 2, y: y, style: theme.style(ThemeRole.hintKey))
            grid.put("\(entry.summary)  (:\(entry.name))", x: box.x + 2 + keyWidth, y: y, style: theme.style(ThemeRole.text), maxWidth: box.width - keyWidth - 4)
        }
        if entries.isEmpty { grid.put("No command matches '\(help.filter.text)'.", x: box.x + 2, y: box.y + 3, style: theme.style(ThemeRole.muted)) }
        grid.put("Type to filter · Esc closes", x: box.x + 2, y: box.maxY - 2, style: theme.style(ThemeRole.muted), maxWidth: box.width - 4)
    }

    private static func renderForm(_ form: FormState, grid: inout Grid, theme: Theme) {
        let labelWidth = min(50, max(12, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 12))
        let width = min(grid.width - 4, max(64, labelWidth + 30, DisplayWidth.of(form.title) + 8))
        let inner = width - 4
        let foot = form.error ?? "Enter save · Tab next field · ←/→ choose · Esc cancel"
        let footLines = TextWrap.lines(foot, width: inner)
        let noteLines = form.note.map { TextWrap.lines($0, width: inner) } ?? []
        let height = min(grid.height - 2, form.fields.count * 2 + 4 + noteLines.count + footLines.count)
        let box = grid.bounds.centered(width: width, height: height)
        grid.fill(box, style: theme.style(ThemeRole.background))
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: form.title)
        var y = box.y + 1
        for (index, field) in form.fields.enumerated() where y < box.maxY - 1 - footLines.count {
            let focused = index == form.focus
            grid.put(field.label, x: box.x + 2, y: y, style: theme.style(focused ? ThemeRole.header : ThemeRole.muted), maxWidth: inner)
            switch field.kind {
            case .text(let text):
                text.render(x: box.x + 2, y: y + 1, width: inner, focused: focused, grid: &grid, theme: theme)
            case .choice(let options, let selected):
                let value = options.indices.contains(selected) ? options[selected] : ""
                grid.put("◀ \(value) ▶", x: box.x + 2, y: y + 1, style: theme.style(focused ? ThemeRole.selection : ThemeRole.text), maxWidth: inner)
            }
            y += 2
        }
        for line in noteLines where y < box.maxY - 1 - footLines.count {
            grid.put(line, x: box.x + 2, y: y, style: theme.style(ThemeRole.muted), maxWidth: inner)
            y += 1
        }
        let footY = box.maxY - 1 - footLines.count
        for (row, line) in footLines.enumerated() {
            grid.put(line, x: box.x + 2, y: footY + row, style: theme.style(form.error == nil ? ThemeRole.muted : ThemeRole.error), maxWidth: inner)
        }
    }
}
