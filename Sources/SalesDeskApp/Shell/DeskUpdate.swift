import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The desk's update function: a message changes the state and may ask for effects.
///
/// Pure: it reads and writes only `state`; the runtime performs the returned effects and sends their results
/// back as messages.
public enum DeskUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .tick(let date):
            state.session.now = date
            return []
        case .databaseChanged:
            state.noteChange()
            return [.load(state.current, .refresh)]
        case .mouse(let event):
            return mouse(event, &state)
        case .key(let key):
            if state.modal != nil { return ModalUpdate.handle(&state, key) }
            state.status = nil
            return handle(key, &state)
        case .loaded(let id, let request, let loaded):
            if request == .refresh || request == .reset { state.loadedStamps[id] = state.currentStamp }
            let effects = withScreen(id, &state) { screen, context in
                screen.apply(erased: loaded, for: request, &context)
                return []
            }
            if request == .reset, let arrived = state.statusOnArrival.removeValue(forKey: id) { state.status = arrived }
            return effects
        case .loadFailed(let id, let request, let text):
            if request == .reset { state.statusOnArrival[id] = nil }
            _ = withScreen(id, &state) { screen, _ in
                screen.loadFailed(request)
                return []
            }
            report(text, &state)
            return []
        case .unreadCount(let count):
            state.unreadCount = count
            return []
        case .readOutdated(let id):
            state.loadedStamps[id] = .outdated
            return []
        case .wrote(let write, let text):
            state.noteChange()
            if case .form = state.modal { state.modal = nil }
            state.status = StatusMessage(text: text, isError: false)
            state.screen.clearMarks()
            return [.load(state.current, state.screen.reload(after: write))]
        case .writeFailed(_, let text), .taskFailed(_, let text):
            report(text, &state)
            return [.bell]
        case .screenTextEdited(let id, let text):
            return withScreen(id, &state) { screen, context in screen.edited(text, &context) }
        case .taskDone(let id, let text):
            state.noteChange()
            if case .form = state.modal { state.modal = nil }
            if text.contains("\n") || DisplayWidth.of(text) > state.width - 2 {
                state.modal = .message(title: state.screens[id]?.title ?? "Done", text: text, isError: false)
            } else {
                state.status = StatusMessage(text: text, isError: false)
            }
            return id == state.current ? [.load(id, .refresh)] : []
        default:
            return ModalUpdate.effectResult(message, &state)
        }
    }

    /// A key with no dialog open: the screen's text prompt, then its commands, then list movement, then the shell.
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        var typed: [Effect]?
        var effects = withScreen(state.current, &state) { screen, context in
            typed = screen.typed(key, &context)
            return typed ?? screen.handle(key: key, &context) ?? []
        }
        if typed != nil || state.screen.binds(key, for: state.session) {
            return effects
        }
        if let move = ListMove.bindings.first(where: { $0.keys.contains(key) })?.action {
            effects += withScreen(state.current, &state) { screen, context in screen.move(move, &context) }
            return effects
        }
        if let action = ShellAction.bindings.first(where: { $0.keys.contains(key) })?.action {
            return perform(action, &state)
        }
        return effects
    }

    /// Runs a command typed on the `:` line; throws a message naming what is wrong.
    static func run(commandLine text: String, _ state: inout AppState) throws(DomainError) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        if name == "theme" {
            guard words.count == 2 else { throw DomainError.invalidField(field: "theme", reason: "say which theme, e.g. :theme mono") }
            return [.setTheme(words[1])]
        }
        if name == "q" { return perform(.quit, &state) }
        if let action = ShellAction.bindings.first(where: { $0.action.name == name })?.action { return perform(action, &state) }
        if let move = ListMove.allCases.first(where: { $0.name == name }) {
            return withScreen(state.current, &state) { screen, context in screen.move(move, &context) }
        }
        var found = false
        let effects = withScreen(state.current, &state) { screen, context in
            let effects = screen.handle(commandNamed: name, &context)
            found = effects != nil
            return effects ?? []
        }
        guard found else {
            throw DomainError.invalidField(field: ":", reason: "no command '\(name)' on this screen; Tab lists the commands, ? shows their keys")
        }
        return effects
    }

    /// The shell's own commands.
    static func perform(_ action: ShellAction, _ state: inout AppState) -> [Effect] {
        let tabs = ScreenRegistry.tabs
        switch action {
        case .showTab(let index):
            guard tabs.indices.contains(index) else { return [] }
            return show(tabs[index].id, &state)
        case .nextScreen, .previousScreen:
            let root = state.history.first ?? state.current
            let index = tabs.firstIndex { $0.id == root } ?? 0
            let step = action == .nextScreen ? 1 : tabs.count - 1
            return show(tabs[(index + step) % tabs.count].id, &state)
        case .back:
            guard let previous = state.history.popLast() else {
                state.status = StatusMessage(text: "This is a main screen: press :q or Ctrl-c to quit.", isError: false)
                return []
            }
            state.screens[state.current] = nil
            state.current = previous
            return state.showing(previous)
        case .help:
            state.modal = .help(HelpState())
            return []
        case .commandLine:
            state.modal = .form(FormFactory.commandLine())
            return []
        case .quit:
            state.isRunning = false
            return []
        }
    }

    /// Shows a tab screen (forgetting records opened on the way).
    static func show(_ id: ScreenID, _ state: inout AppState) -> [Effect] {
        for opened in state.history.dropFirst() + [state.current] where !(ScreenRegistry.entry(opened)?.isTab ?? true) {
            state.screens[opened] = nil
        }
        state.history.removeAll()
        state.current = id
        if state.screens[id] == nil, let entry = ScreenRegistry.entry(id) { state.screens[id] = entry.make(state.session, nil) }
        return state.showing(id)
    }

    /// Opens a record's screen over the current one.
    static func open(_ id: ScreenID, record: RecordReference, _ state: inout AppState) -> [Effect] {
        guard let entry = ScreenRegistry.entry(id) else { return [] }
        state.history.append(state.current)
        state.screens[id] = entry.make(state.session, record)
        state.current = id
        state.loadedStamps[id] = nil
        return state.showing(id)
    }

    /// Runs `body` on the screen `id` with a context, then applies what the screen set in it.
    static func withScreen(_ id: ScreenID, _ state: inout AppState, _ body: (inout any DeskScreen, inout ScreenContext) -> [Effect]) -> [Effect] {
        guard var screen = state.screens[id] else { return [] }
        var context = state.context(for: screen)
        var effects = body(&screen, &context)
        state.screens[id] = screen
        state.modal = context.modal
        if context.status != state.status, context.status?.isError == false, effects.contains(.load(id, .reset)) {
            // "Filter cleared", "Sorted by …": said when the new rows are on show, not over the old ones.
            state.statusOnArrival[id] = context.status
        } else {
            state.status = context.status
        }
        if case .open(let target, let record) = context.navigation { effects += open(target, record: record, &state) }
        return effects
    }

    /// Shows an error where the user is looking: in the open form, else in a dialog when it is too long for the
    /// status line, else in the status line.
    static func report(_ text: String, _ state: inout AppState) {
        if case .form(var form) = state.modal {
            form.error = text
            state.modal = .form(form)
        } else if DisplayWidth.of(text) > state.width - 2 {
            state.modal = .message(title: "Something went wrong", text: text, isError: true)
        } else {
            state.status = StatusMessage(text: text, isError: true)
        }
    }

    private static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.modal == nil else { return [] }
        switch event.button {
        case .wheelUp, .wheelDown:
            let move: ListMove = event.button == .wheelUp ? .up : .down
            return (0..<3).flatMap { _ in withScreen(state.current, &state) { screen, context in screen.move(move, &context) } }
        case .left:
            let bar = Rect(x: 0, y: 0, width: state.width, height: 1)
            guard event.y == 0, let tab = TabBar.index(at: event.x, DeskView.tabTitles(state), in: bar) else { return [] }
            return perform(.showTab(tab), &state)
        }
    }
}
