import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Runs the desk: reads terminal events, updates the state, performs effects, presents frames,
/// and reloads the visible page when the database changes (in this process or another).
public final class DeskRuntime {
    public private(set) var state: AppState
    private let database: AppDatabase
    private let terminal: Terminal
    private let monitor: ChangeMonitor?
    private let now: () -> Date
    private let loadTheme: (String) throws -> Theme
    private let loader: DataLoader
    private let writer: WriteRunner
    private let editor: ExternalEditor
    private let importing: DeskImport
    /// Screens to reload once the keys typed ahead are applied.
    private var pendingLoads: [Screen] = []
    private var scheduling: DeskScheduling?

    /// - Parameters:
    ///   - loadTheme: resolves `:theme NAME` (the CLI passes the theme loader).
    ///   - now: the clock (injected so tests are deterministic).
    public init(database: AppDatabase, terminal: Terminal, user: User, theme: Theme, now: @escaping () -> Date,
                loadTheme: @escaping (String) throws -> Theme, editor: ExternalEditor = ExternalEditor()) throws {
        self.editor = editor
        importing = DeskImport(database: database)
        self.database = database
        self.terminal = terminal
        self.now = now
        self.loadTheme = loadTheme
        loader = DataLoader(database: database)
        writer = WriteRunner(database: database)
        monitor = try? ChangeMonitor(path: database.path)
        let size = terminal.size
        state = AppState(user: user, pipeline: database.configuration.pipeline, now: now(), width: size.width, height: size.height,
                         theme: theme.adapted(to: terminal.colorCapability))
        state.readOnly = database.isReadOnly
        // A rep may move only their own deals (PermissionTable), so their board starts on "my deals".
        state.boardScope = database.permissions.scope(of: .editLead, for: user.role) == .own ? .mine : .everyone
        if let teamID = user.teamID { state.teamMemberIDs = try database.memberIDs(ofTeam: teamID) }
        try loader.load(.agenda, into: &state)
        if database.isReadOnly { state.status = .init(text: "The database is read-only: you can look, not change.", isError: true) }
    }

    /// Runs until the user quits.
    public func run() {
        present()
        while state.isRunning {
            if let event = terminal.nextEvent(timeoutMilliseconds: 250) {
                process(event)
                // Keys typed ahead into the filter line are applied together and answered by one query.
                while isTypingFilter, let next = terminal.nextEvent(timeoutMilliseconds: 0) { process(next) }
                flushLoads()
                present()
            } else if tick() {
                present()
            }
        }
    }

    /// Handles one terminal event (tests call this directly).
    public func handle(_ event: TerminalEvent) {
        process(event)
        flushLoads()
    }

    /// Whether the user is typing into the leads filter, where every keystroke asks for a query.
    private var isTypingFilter: Bool {
        if case .form(let form) = state.modal, case .filter(.leads) = form.purpose { return true }
        return false
    }

    private func process(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            if state.modal == nil { state.status = nil }
            perform(DeskUpdate.update(&state, .key(key)))
        case .resize(let width, let height):
            perform(DeskUpdate.update(&state, .resize(width: width, height: height)))
        case .mouse(let mouse):
            perform(DeskUpdate.update(&state, .mouse(mouse)))
        }
    }

    /// The clock moved on: refresh the visible page if the database changed.
    /// Returns whether the screen needs drawing again (data changed, or the minute turned).
    @discardableResult
    public func tick() -> Bool {
        let previousMinute = Int(state.now.timeIntervalSince1970 / 60)
        _ = DeskUpdate.update(&state, .tick(now()))
        runScheduler()
        if (try? monitor?.hasChanged()) == true {
            reload(state.screen)
            return true
        }
        return Int(state.now.timeIntervalSince1970 / 60) != previousMinute
    }

    /// Runs the scheduler inside this desk: catches up now (showing the user's "while you were away"
    /// digest), then fires due work on idle ticks. See ``DeskScheduling``.
    public func attachScheduler(_ scheduling: DeskScheduling) {
        self.scheduling = scheduling
        if let digest = scheduling.launch(for: state.user) { state.status = .init(text: digest + " (see the inbox)", isError: false) }
    }

    private func runScheduler() {
        guard let scheduling else { return }
        if let report = scheduling.tick(), report.firing.notified + report.firing.digests > 0, scheduling.ringsBell { terminal.bell() }
        if let warning = scheduling.staleWarning(), state.status == nil { state.status = .init(text: warning, isError: true) }
    }

    /// Shows a message in the status line (e.g. a theme that could not be loaded).
    public func showStatus(_ text: String, isError: Bool) {
        state.status = .init(text: text, isError: isError)
    }

    /// The frame for the current state.
    public func render() -> Grid { DeskView.render(state) }

    private func present() { terminal.present(render()) }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .load(let screen):
                if isTypingFilter {
                    if !pendingLoads.contains(screen) { pendingLoads.append(screen) }
                } else {
                    reload(screen)
                }
            case .loadMore(let screen):
                do { try loader.loadMore(screen, into: &state) } catch { report(error) }
            case .write(let change):
                guard !state.readOnly else {
                    state.status = .init(text: "The database is read-only: nothing was changed.", isError: true)
                    state.modal = nil
                    continue
                }
                do {
                    let changedColumns = boardStages(changedBy: change)
                    let message = try writer.perform(change, state: state)
                    state.modal = nil
                    state.cursors[state.screen]?.marked.removeAll()
                    state.status = .init(text: message, isError: false)
                    if let changedColumns {
                        do { try loader.reloadBoard(stages: changedColumns, into: &state) } catch { report(error) }
                    } else {
                        reload(state.screen)
                    }
                    if state.screen != .agenda { state.agenda = nil }
                } catch {
                    report(error)
                    terminal.bell()
                }
            case .setTheme(let name):
                do {
                    state.theme = try loadTheme(name).adapted(to: terminal.colorCapability)
                    state.status = .init(text: "Theme \(name).", isError: false)
                } catch {
                    report(error)
                }
            case .editInEditor:
                editFocusedField()
            case .previewImport(let path, let policy, let dryRun):
                do {
                    state.modal = .importPreview(try importing.preview(path: path, onDuplicate: policy, dryRun: dryRun, user: state.user))
                } catch {
                    report(error)
                }
            case .runImport:
                runImport()
            case .bell:
                terminal.bell()
            }
        }
    }

    /// Runs the previewed import, redrawing its progress bar after each batch.
    private func runImport() {
        guard case .importPreview(var preview) = state.modal else { return }
        guard !state.readOnly || preview.dryRun else {
            state.modal = nil
            state.status = .init(text: "The database is read-only: nothing was imported.", isError: true)
            return
        }
        preview.progress = 0
        state.modal = .importPreview(preview)
        present()
        do {
            let summary = try importing.run(preview, user: state.user) { counts, fraction in
                preview.progress = fraction
                preview.progressText = "\(counts.read) rows read · \(counts.imported) imported · \(counts.rejected) rejected"
                state.modal = .importPreview(preview)
                present()
            }
            state.modal = nil
            state.status = .init(text: summary, isError: false)
            reload(state.screen)
        } catch {
            state.modal = nil
            report(error)
            terminal.bell()
        }
    }

    /// Hands the terminal to `$EDITOR` for the focused text field of the open form, then takes it back.
    private func editFocusedField() {
        guard case .form(var form) = state.modal, case .text(let field) = form.fields[form.focus].kind else { return }
        terminal.suspend()
        defer { terminal.resume() }
        do {
            form.fields[form.focus].kind = .text(TextField(try editor.edit(field.text)))
            form.error = nil
        } catch {
            form.error = Self.describe(error)
        }
        state.modal = .form(form)
    }

    /// The board columns a move changes (the stages its cards leave and the one they join), when the
    /// move is made on the board and every card is on it; nil otherwise (then the whole screen reloads).
    private func boardStages(changedBy change: DeskWrite) -> Set<StageKey>? {
        guard state.screen == .board, case .moveLeads(let ids, let target, _) = change else { return nil }
        var stages: Set<StageKey> = [target]
        for id in ids {
            guard let column = state.board.first(where: { column in column.cards.contains { $0.id == id } }) else { return nil }
            stages.insert(column.stage)
        }
        return stages
    }

    private func flushLoads() {
        let screens = pendingLoads
        pendingLoads.removeAll()
        screens.forEach(reload)
    }

    private func reload(_ screen: Screen) {
        do {
            try loader.load(screen, into: &state)
            setFormError(nil)
        } catch {
            report(error)
        }
    }

    /// Shows an error where the user is looking: inside the open form (a refused write, a filter that
    /// does not parse yet), otherwise in the status line.
    private func report(_ error: Error) {
        if !setFormError(Self.describe(error)) {
            state.status = .init(text: Self.describe(error), isError: true)
        }
    }

    /// Sets the open form's error line; returns false when no form is open.
    @discardableResult
    private func setFormError(_ message: String?) -> Bool {
        guard case .form(var form) = state.modal else { return false }
        form.error = message
        state.modal = .form(form)
        return true
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DomainError { return error.description }
        if let error = error as? StoreError { return error.description }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
