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
            let text = "A form has unsaved input. Quit and lose it? (y: quit · any other key: back to the form)"
            message(title: "Quit?", layout: MessageLayout(text, offset: 0, terminalWidth: grid.width, terminalHeight: grid.height),
                    closing: nil, role: ThemeRole.warning, grid: &grid, theme: theme)
        case .message(let title, let text, let isError, let offset):
            let layout = MessageLayout(text, offset: offset, terminalWidth: grid.width, terminalHeight: grid.height)
            message(title: title, layout: layout, role: isError ? ThemeRole.error : ThemeRole.text, grid: &grid, theme: theme)
        case .help(let help):
            renderHelp(help, state: state, grid: &grid)
        case .form(let form):
            renderForm(form, grid: &grid, theme: theme)
        }
    }

    /// A box with a wrapped message; one longer than the screen shows where it stands in its title and scrolls.
    /// The closing hint stays at the bottom, outside the scrolling text.
    private static func message(title: String, layout: MessageLayout, closing: String? = "Enter closes", role: String,
                                grid: inout Grid, theme: Theme) {
        let scroll = layout.scroll
        let box = grid.bounds.centered(width: layout.width, height: scroll.visibleRows + MessageLayout.chromeRows - (closing == nil ? 1 : 0))
        grid.fill(box, style: theme.style(ThemeRole.background))
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: title + scroll.positionText)
        for (row, index) in scroll.shown.enumerated() {
            grid.put(layout.lines[index], x: box.x + 2, y: box.y + 2 + row, style: theme.style(role), maxWidth: box.width - 4)
        }
        if let closing {
            grid.put(scroll.scrolls ? "↑/↓ PgUp/PgDn scroll · " + closing : closing, x: box.x + 2, y: box.maxY - 2,
                     style: theme.style(ThemeRole.muted), maxWidth: box.width - 4)
        }
    }

    /// The help dialog: a filter line and the screen's commands, each description wrapped beside its keys.
    private static func renderHelp(_ help: HelpState, state: AppState, grid: inout Grid) {
        let theme = state.theme
        let entries = CommandTable(state: state).matching(help.filter.text)
        let layout = HelpLayout(entries, offset: help.offset, terminalWidth: grid.width, terminalHeight: grid.height)
        let box = grid.bounds.centered(width: layout.width, height: grid.height - 2)
        grid.fill(box, style: theme.style(ThemeRole.background))
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: "Help — \(state.screen.title)\(layout.scroll.positionText)")
        help.filter.render(x: box.x + 2, y: box.y + 1, width: box.width - 4, focused: true, grid: &grid, theme: theme)
        let keyWidth = HelpLayout.keyWidth
        for (row, index) in layout.scroll.shown.enumerated() {
            let y = box.y + 3 + row
            let line = layout.lines[index]
            if let keys = line.keys {
                grid.put(DisplayWidth.fit(keys, to: keyWidth - 1), x: box.x + 2, y: y, style: theme.style(ThemeRole.hintKey))
            }
            grid.put(line.text, x: box.x + 2 + keyWidth, y: y, style: theme.style(ThemeRole.text), maxWidth: box.width - keyWidth - 4)
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
