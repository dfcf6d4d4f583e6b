import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Keys while a dialog is open, and the messages effects send back to dialogs.
enum ModalUpdate {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.modal {
        case .importPreview(let preview):
            if preview.progress != nil { return [] }
            if key == .enter { return [.runImport(preview)] }
            if key == .escape || key == .ctrl("c") { state.modal = nil }
            return []
        case .confirmQuit(let form):
            switch key {
            case .character("y"), .character("Y"): state.isRunning = false
            default: state.modal = .form(form)
            }
            return []
        case .message(let title, let text, let isError, let offset):
            if [.enter, .escape, .character("q"), .character(" ")].contains(key) { state.modal = nil }
            let scroll = MessageLayout(text, offset: offset, terminalWidth: state.width, terminalHeight: state.height).scroll
            if let moved = scroll.offset(after: key, letters: true) { state.modal = .message(title: title, text: text, isError: isError, offset: moved) }
            return []
        case .help(var help):
            return helpKey(key, &help, &state)
        case .form(var form):
            if key == .ctrl("c") {
                if form.hasInput { state.modal = .confirmQuit(returningTo: form) } else { state.isRunning = false }
                return []
            }
            if key == .escape {
                state.modal = nil
                return []
            }
            if case .commandLine = form.purpose, key == .tab || key == .backTab {
                complete(&form, backwards: key == .backTab, state: state)
                state.modal = .form(form)
                return []
            }
            if key == .enter { return FormSubmit.submit(form, &state) }
            if key == .ctrl("o"), case .text(let field)? = form.focused?.kind { return [.editInEditor(field.text)] }
            _ = form.handle(key)
            if case .commandLine = form.purpose { form.note = candidatesNote(form.value(.command), state: state) }
            form.error = nil
            state.modal = .form(form)
            return []
        case nil:
            return []
        }
    }

    /// Results of effects that concern dialogs (import, editor, theme) and notices.
    static func effectResult(_ message: Message, _ state: inout AppState) -> [Effect] {
        switch message {
        case .importPreviewed(let preview):
            state.modal = .importPreview(preview)
        case .importProgress(let fraction, let text):
            guard case .importPreview(var preview) = state.modal else { return [] }
            preview.progress = fraction
            preview.progressText = text
            state.modal = .importPreview(preview)
        case .imported(let summary):
            state.noteChange()
            state.modal = .message(title: "Import finished", text: summary, isError: false)
            return [.load(state.current, .refresh)]
        case .importFailed(let text):
            // Batches committed before the failure stay: what every screen shows may have changed.
            state.noteChange()
            if case .form(var form) = state.modal {
                form.error = text
                state.modal = .form(form)
            } else {
                state.modal = .message(title: "Import stopped", text: text, isError: true)
            }
            return [.bell]
        case .edited(let text):
            guard case .form(var form) = state.modal, let id = form.focused?.id else { return [] }
            form.setText(id, text)
            form.error = nil
            state.modal = .form(form)
        case .editFailed(let text):
            DeskUpdate.report(text, &state)
        case .themeLoaded(let theme):
            state.theme = theme
            state.status = StatusMessage(text: "Theme \(theme.name).", isError: false)
        case .themeFailed(let text):
            DeskUpdate.report(text, &state)
        case .schedulerHealth(let warning):
            state.warning = warning
        default:
            break
        }
        return []
    }

    /// Help: typing filters; arrows and page keys scroll; Esc, Enter or `?` on an empty filter close it.
    private static func helpKey(_ key: Key, _ help: inout HelpState, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape, .enter: state.modal = nil; return []
        case .character("?") where help.filter.text.isEmpty: state.modal = nil; return []
        default: break
        }
        let layout = HelpLayout(CommandTable(state: state).matching(help.filter.text), offset: help.offset,
                                terminalWidth: state.width, terminalHeight: state.height)
        if let moved = layout.scroll.offset(after: key, letters: false) {
            help.offset = moved
        } else {
            help.filter.handle(key)
            help.offset = 0
        }
        state.modal = .help(help)
        return []
    }

    /// Tab on the `:` line: completes to the first candidate, then cycles through them.
    private static func complete(_ form: inout FormState, backwards: Bool, state: AppState) {
        let typed = form.value(.command)
        let prefix = form.note.flatMap(Self.prefix(inNote:)) ?? typed
        let candidates = CommandTable(state: state).completions(for: prefix)
        guard !candidates.isEmpty else {
            form.error = "No command starts with '\(prefix)'."
            return
        }
        let current = candidates.firstIndex(of: typed)
        let next = current.map { (backwards ? $0 - 1 + candidates.count : $0 + 1) % candidates.count } ?? (backwards ? candidates.count - 1 : 0)
        form.setText(.command, candidates[next])
        form.note = noteText(prefix: prefix, candidates: candidates)
    }

    /// The note under the `:` line: the candidates for what is typed.
    static func candidatesNote(_ typed: String, state: AppState) -> String {
        noteText(prefix: typed, candidates: CommandTable(state: state).completions(for: typed))
    }

    private static func noteText(prefix: String, candidates: [String]) -> String {
        guard !candidates.isEmpty else { return "No command starts with '\(prefix)'." }
        return "[\(prefix)] " + candidates.joined(separator: "  ")
    }

    /// The prefix the candidates were listed for, kept in the note while Tab cycles.
    private static func prefix(inNote note: String) -> String? {
        guard note.hasPrefix("["), let close = note.firstIndex(of: "]") else { return nil }
        return String(note[note.index(after: note.startIndex)..<close])
    }
}
