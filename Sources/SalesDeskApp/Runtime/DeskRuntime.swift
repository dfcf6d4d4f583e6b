import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Runs the desk: reads terminal events, sends them to ``DeskUpdate``, performs the effects it returns (loads,
/// writes, imports, the editor) and sends their results back as messages, presents frames, and re-reads the
/// visible screen when the database changes (in this process or another).
public final class DeskRuntime {
    public private(set) var state: AppState
    private let database: AppDatabase
    private let terminal: Terminal
    private let monitor: ChangeMonitor?
    private let now: () -> Date
    private let loadTheme: (String) throws -> Theme
    private let writer: WriteRunner
    private let editor: ExternalEditor
    private let importing: DeskImport
    /// Loads asked for while keys are typed ahead into a filter: run once, after the keys are applied.
    private var pendingLoads: [(ScreenID, LoadRequest)] = []
    private var deferLoads = false
    private var scheduling: DeskScheduling?
    /// The scheduler was attached and has not caught up yet (it does right after the first frame).
    private var needsCatchUp = false

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
        writer = WriteRunner(database: database)
        monitor = try? ChangeMonitor(path: database.path)
        let team = try user.teamID.map { try database.memberIDs(ofTeam: $0) } ?? []
        let session = DeskSession(user: user, teamMemberIDs: team, people: try database.users(), pipeline: database.configuration.pipeline,
                                  permissions: database.permissions, now: now(), readOnly: database.isReadOnly)
        let size = terminal.size
        state = AppState(session: session, width: size.width, height: size.height, theme: theme.adapted(to: terminal.colorCapability))
        perform([.load(state.current, .refresh)])
        if database.isReadOnly { state.status = StatusMessage(text: "The database is read-only: you can look, not change.", isError: true) }
    }

    /// Runs until the user quits. The first frame is drawn before the scheduler catches up, and the catch-up
    /// (bounded passes) shows its progress, so a file idle for days never opens on a blank screen.
    public func run() {
        present()
        catchUpAtLaunch()
        while state.isRunning {
            if let event = terminal.nextEvent(timeoutMilliseconds: 250) {
                deferLoads = state.screen.typesText
                process(event)
                // Keys typed ahead into a filter line are applied together and answered by one query.
                while deferLoads, let next = terminal.nextEvent(timeoutMilliseconds: 0) { process(next) }
                flushLoads()
                present()
            } else if tick() {
                present()
            }
        }
        scheduling?.waitForRules()
    }

    /// Handles one terminal event (tests call this directly).
    public func handle(_ event: TerminalEvent) {
        process(event)
        flushLoads()
    }

    /// Sends a message through `update` and performs what it asks for.
    public func send(_ message: Message) {
        perform(DeskUpdate.update(&state, message))
    }

    private func process(_ event: TerminalEvent) {
        switch event {
        case .key(let key): send(.key(key))
        case .resize(let width, let height): send(.resize(width: width, height: height))
        case .mouse(let mouse): send(.mouse(mouse))
        }
    }

    /// The clock moved on: run the scheduler's due work, and refresh the visible screen if the database changed.
    /// Returns whether the screen needs drawing again (data changed, or the minute turned).
    @discardableResult
    public func tick() -> Bool {
        if needsCatchUp {
            catchUpAtLaunch()
            return true
        }
        let previousMinute = Int(state.session.now.timeIntervalSince1970 / 60)
        send(.tick(now()))
        let warning = state.warning
        runScheduler()
        if (try? monitor?.hasChanged()) == true {
            send(.databaseChanged)
            return true
        }
        return Int(state.session.now.timeIntervalSince1970 / 60) != previousMinute || warning != state.warning
    }

    /// Runs the scheduler inside this desk: catches up now (showing the user's "while you were away" digest),
    /// then fires due work on idle ticks. See ``DeskScheduling``.
    public func attachScheduler(_ scheduling: DeskScheduling) {
        self.scheduling = scheduling
        needsCatchUp = true
    }

    /// The launch catch-up: bounded passes, the status line counting what was handled, then the digest line.
    private func catchUpAtLaunch() {
        guard needsCatchUp, let scheduling else { return }
        needsCatchUp = false
        var handled = 0
        while let report = scheduling.catchUp() {
            handled += report.firing.handled
            guard report.firing.handled >= DeskScheduling.catchUpBatch else { break }
            state.status = StatusMessage(text: "Catching up on what came due while the desk was closed: \(Format.count(handled)) handled…", isError: false)
            present()
        }
        if handled > 0 {
            send(.databaseChanged)
            state.status = nil
        }
        if let digest = scheduling.digestLine(for: state.session.user) { state.status = StatusMessage(text: digest + " (see the inbox)", isError: false) }
        send(.schedulerHealth(scheduling.staleWarning()))
        present()
    }

    private func runScheduler() {
        guard let scheduling else { return }
        if let report = scheduling.tick(), report.firing.notified + report.firing.digests > 0, scheduling.ringsBell { terminal.bell() }
        send(.schedulerHealth(scheduling.staleWarning()))
    }

    /// Shows a message in the status line (e.g. a theme that could not be loaded).
    public func showStatus(_ text: String, isError: Bool) {
        state.status = StatusMessage(text: text, isError: isError)
    }

    /// The frame for the current state.
    public func render() -> Grid { DeskView.render(state) }

    private func present() { terminal.present(render()) }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .load(let id, let request):
                if deferLoads {
                    if !pendingLoads.contains(where: { $0 == (id, request) }) { pendingLoads.append((id, request)) }
                } else {
                    load(id, request)
                }
            case .write(let change):
                guard !state.session.readOnly else {
                    send(.writeFailed(change, "The database is read-only: nothing was changed."))
                    continue
                }
                do {
                    send(.wrote(change, try writer.perform(change, session: state.session)))
                    scheduling?.runRulesSoon()
                } catch {
                    send(.writeFailed(change, Self.describe(error)))
                }
            case .task(let id, let task):
                guard let screen = state.screens[id] else { continue }
                do {
                    send(.taskDone(id, try screen.run(task, database: database, session: state.session)))
                    scheduling?.runRulesSoon()
                } catch {
                    send(.taskFailed(id, Self.describe(error)))
                }
            case .setTheme(let name):
                do {
                    send(.themeLoaded(try loadTheme(name).adapted(to: terminal.colorCapability)))
                } catch {
                    send(.themeFailed(Self.describe(error)))
                }
            case .editInEditor(let text):
                terminal.suspend()
                defer { terminal.resume() }
                do { send(.edited(try editor.edit(text))) } catch { send(.editFailed(Self.describe(error))) }
            case .editForScreen(let id, let text):
                let edited: Result<String, Error> = Result {
                    terminal.suspend()
                    defer { terminal.resume() }
                    return try editor.edit(text, suffix: ".rule")
                }
                switch edited {
                case .success(let text): send(.screenTextEdited(id, text))
                case .failure(let error): send(.editFailed(Self.describe(error)))
                }
            case .previewImport(let path, let policy, let dryRun):
                do {
                    send(.importPreviewed(try importing.preview(path: path, onDuplicate: policy, dryRun: dryRun, user: state.session.user)))
                } catch {
                    send(.importFailed(Self.describe(error)))
                }
            case .runImport(let preview):
                runImport(preview)
            case .bell:
                terminal.bell()
            }
        }
    }

    private func load(_ id: ScreenID, _ request: LoadRequest) {
        guard let screen = state.screens[id] else { return }
        do {
            let loaded = try screen.loadErased(request, from: database, session: state.session)
            send(.loaded(id, request, loaded))
            send(.unreadCount(try database.unreadCount(for: state.session.user, at: state.session.now)))
        } catch {
            send(.loadFailed(id, request, Self.describe(error)))
        }
    }

    /// Runs the previewed import, drawing its progress after each batch.
    private func runImport(_ preview: ImportPreview) {
        guard !state.session.readOnly || preview.dryRun else {
            send(.importFailed("The database is read-only: nothing was imported."))
            return
        }
        send(.importProgress(fraction: 0, text: "Starting…"))
        present()
        do {
            let summary = try importing.run(preview, user: state.session.user) { counts, fraction in
                send(.importProgress(fraction: fraction, text: "\(Format.count(counts.read, "row")) read · \(Format.count(counts.imported)) imported · \(Format.count(counts.rejected)) rejected"))
                present()
            }
            send(.imported(summary))
            scheduling?.runRulesSoon()
        } catch {
            send(.importFailed(Self.describe(error)))
        }
    }

    private func flushLoads() {
        deferLoads = false
        let loads = pendingLoads
        pendingLoads.removeAll()
        for (id, request) in loads { load(id, request) }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DomainError { return error.description }
        if let error = error as? StoreError { return error.description }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
