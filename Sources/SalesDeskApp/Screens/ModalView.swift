import TerminalUI

/// Draws forms, help and the quit question over the screen.
enum ModalView {
    static func render(_ modal: AppState.Modal, state: AppState, grid: inout Grid) {
        let theme = state.theme
        switch modal {
        case .importPreview(let preview):
            ImportPreviewView.render(preview, grid: &grid, theme: theme)
        case .confirmQuit:
            let box = grid.bounds.centered(width: 44, height: 5)
            grid.fill(box, style: theme.style(ThemeRole.background))
            grid.box(box, style: theme.style(ThemeRole.focusBorder), title: "Quit?")
            grid.put("A form has unsaved input. Quit? (y/n)", x: box.x + 2, y: box.y + 2, style: theme.style(ThemeRole.warning), maxWidth: box.width - 4)
        case .help(let filter):
            let box = grid.bounds.centered(width: min(grid.width - 4, 76), height: grid.height - 4)
            grid.fill(box, style: theme.style(ThemeRole.background))
            grid.box(box, style: theme.style(ThemeRole.focusBorder), title: "Help — \(state.screen.title) (type to filter, Esc closes)")
            filter.render(x: box.x + 2, y: box.y + 1, width: box.width - 4, focused: true, grid: &grid, theme: theme)
            let wanted = filter.text.lowercased()
            let commands = KeyMap.commands.filter { $0.applies(to: state.screen) }
                .filter { wanted.isEmpty || $0.name.contains(wanted) || $0.summary.lowercased().contains(wanted) }
            for (row, command) in commands.prefix(box.height - 4).enumerated() {
                let keys = command.keys.map(\.label).joined(separator: " ")
                let x = box.x + 2
                grid.put(DisplayWidth.fit(keys, to: 14), x: x, y: box.y + 3 + row, style: theme.style(ThemeRole.hintKey))
                grid.put("\(command.summary)  (:\(command.name))", x: x + 15, y: box.y + 3 + row, style: theme.style(ThemeRole.text), maxWidth: box.width - 19)
            }
        case .form(let form):
            let labelWidth = min(40, max(12, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 12))
            let width = min(grid.width - 4, max(60, labelWidth + 40))
            let box = grid.bounds.centered(width: width, height: form.fields.count * 2 + 5)
            grid.fill(box, style: theme.style(ThemeRole.background))
            grid.box(box, style: theme.style(ThemeRole.focusBorder), title: form.title)
            for (index, field) in form.fields.enumerated() {
                let y = box.y + 2 + index * 2
                let focused = index == form.focus
                grid.put(field.label, x: box.x + 2, y: y, style: theme.style(focused ? ThemeRole.header : ThemeRole.muted), maxWidth: box.width - 4)
                let inputX = box.x + 2
                let inputWidth = box.width - 4
                switch field.kind {
                case .text(let text):
                    text.render(x: inputX, y: y + 1, width: inputWidth, focused: focused, grid: &grid, theme: theme)
                case .choice(let options, let selected):
                    let value = options.indices.contains(selected) ? options[selected] : ""
                    grid.put("◀ \(value) ▶", x: inputX, y: y + 1, style: theme.style(focused ? ThemeRole.selection : ThemeRole.text), maxWidth: inputWidth)
                }
            }
            let footer = form.error.map { ($0, ThemeRole.error) } ?? ("Enter save · Tab next field · ←/→ choose · Esc cancel", ThemeRole.muted)
            grid.put(footer.0, x: box.x + 2, y: box.maxY - 2, style: theme.style(footer.1), maxWidth: box.width - 4)
        }
    }
}
