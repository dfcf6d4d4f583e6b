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
    private var scheduling: DeskScheduling?
    /// The scheduler was attached and has not caught up yet (it starts right after the first frame).
    private var needsCatchUp = false
    /// The launch catch-up runs in the background; what it has handled so far.
    private var catchUp: (running: Bool, handled: Int) = (false, 0)
    /// Reads screens' data off the key path.
    private let loader = BackgroundLoader()
    /// When the clock last moved the desk on (``tick()``), so reads arriving do not hold it back.
    private var lastTick = DispatchTime.now()
    /// The desk wrote since the write-ahead log was last copied into the database (see ``AppDatabase/checkpoint()``).
    private var logNeedsCheckpoint = false
    /// Screens with a `reset` read in flight (see ``load(_:_:)``).
    private var resetsInFlight: Set<ScreenID> = []
    /// Keys typed while the screen's new rows were being read, in order (see ``mustHold(_:)``).
    private var heldKeys: [TerminalEvent] = []
    /// How often the desk's clock moves on while idle, and how long to wait for a key while a read runs.
    private static let tickMilliseconds = 250, readPollMilliseconds = 5
    /// How long a key's frame waits for the reads it asked for (the rest of the 16 ms a frame may take is drawing).
    public static let frameBudgetMilliseconds = 4

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
        if !database.isReadOnly {
            do { try database.deferCheckpoints() } catch {
                // Only a speed-up: writes then copy the log as SQLite does by default.
            }
        }
        perform([.load(state.current, .refresh)])
        settle()
        if database.isReadOnly { state.status = StatusMessage(text: "The database is read-only: you can look, not change.", isError: true) }
    }

    /// Runs until the user quits. The first frame is drawn before the scheduler catches up, and the catch-up
    /// (bounded passes) shows its progress, so a file idle for days never opens on a blank screen.
    public func run() {
        present()
        startCatchUp()
        while state.isRunning {
            let waitMilliseconds = loader.hasWork ? Self.readPollMilliseconds : Self.tickMilliseconds
            if let event = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds) {
                inputOrHold(event)
                // Keys typed ahead are applied together, in one frame; a filter's reads made obsolete by the next
                // key never run (BackgroundLoader).
                while let next = terminal.nextEvent(timeoutMilliseconds: 0) { inputOrHold(next) }
                awaitQuickReads()
                releaseHeldKeys()
                present()
            } else if applyFinishedReads() {
                releaseHeldKeys()
                present()
            }
            let elapsed = (DispatchTime.now().uptimeNanoseconds - lastTick.uptimeNanoseconds) / 1_000_000
            if elapsed >= UInt64(Self.tickMilliseconds), advanceClock() { present() }
        }
        scheduling?.stop()
    }

    /// Handles one terminal event and waits for the reads it asked for (tests call this).
    public func handle(_ event: TerminalEvent) {
        process(event)
        settle()
    }

    /// Handles one terminal event as the run loop does, up to the frame that answers it: the reads it asks for
    /// run in the background, and those done within ``frameBudgetMilliseconds`` are in that frame; the rest
    /// come later (the status line says "Reading…" meanwhile; ``settle()`` waits for them).
    public func receive(_ event: TerminalEvent) {
        process(event)
        awaitQuickReads()
    }

    /// Waits for the reads in flight and applies their results.
    public func settle() {
        loader.waitUntilIdle()
        applyFinishedReads()
    }

    /// Sends the event through `update`, or holds it while the screen's new rows are being read (see
    /// ``mustHold(_:)``).
    private func inputOrHold(_ event: TerminalEvent) {
        if case .key(.ctrl("c")) = event { return process(event) }
        if heldKeys.isEmpty, !mustHold(event) { return process(event) }
        heldKeys.append(event)
    }

    /// Whether `event` must wait: a key for the screen on show while the rows it would act on are being replaced
    /// (a new queue, sort, filter or scope, or a first visit, is being read). `G` or Enter pressed then would act
    /// on the old rows, and the new ones would undo it. Text typed into a prompt or a dialog, and the shell's own
    /// keys (other screens, help, the command line), never wait.
    private func mustHold(_ event: TerminalEvent) -> Bool {
        guard case .key(let key) = event else { return false }
        return Self.keyWaits(key, state: state, rowsBeingReplaced: resetsInFlight.contains(state.current))
    }

    /// Whether `key` waits for the screen's new rows (see ``mustHold(_:)``).
    static func keyWaits(_ key: Key, state: AppState, rowsBeingReplaced: Bool) -> Bool {
        guard rowsBeingReplaced, state.modal == nil, !state.screen.typesText else { return false }
        return !ShellAction.bindings.contains { $0.action != .back && $0.keys.contains(key) }
    }

    /// Sends the held keys through, in order, for as long as none must wait.
    private func releaseHeldKeys() {
        while let event = heldKeys.first, !mustHold(event) {
            heldKeys.removeFirst()
            process(event)
        }
    }

    /// Gives the reads just asked for a frame's time to finish, so a quick answer arrives in one frame (not a
    /// frame of the old rows under the new filter, then another).
    private func awaitQuickReads() {
        loader.waitUntilIdle(milliseconds: Self.frameBudgetMilliseconds)
        applyFinishedReads()
    }

    /// Sends a message through `update` and performs what it asks for.
    public func send(_ message: Message) {
        perform(DeskUpdate.update(&state, message))
    }

    /// Sends the event through `update`; the reads it asks for start in the background.
    private func process(_ event: TerminalEvent) {
        switch event {
        case .key(let key): send(.key(key))
        case .resize(let width, let height): send(.resize(width: width, height: height))
        case .mouse(let mouse): send(.mouse(mouse))
        }
    }

    /// The clock moved on: start the scheduler's due work, and refresh the visible screen if the database changed.
    /// Returns whether the screen needs drawing again (data changed, or the minute turned).
    /// Waits for the scheduler's passes and the reads it causes (tests call this); the run loop does not wait.
    @discardableResult
    public func tick() -> Bool {
        var changed = advanceClock()
        scheduling?.waitForPasses()
        changed = applySchedulerNews() || changed
        changed = noticeDatabaseChange() || changed
        settle()
        return changed
    }

    /// ``tick()`` without waiting for the passes or the reads it starts.
    private func advanceClock() -> Bool {
        lastTick = DispatchTime.now()
        checkpointInBackground()
        if needsCatchUp {
            startCatchUp()
            return true
        }
        let previousMinute = Int(state.session.now.timeIntervalSince1970 / 60)
        send(.tick(now()))
        let warning = state.warning
        if !catchUp.running { scheduling?.tickSoon() }
        let news = applySchedulerNews()
        if let scheduling { send(.schedulerHealth(scheduling.staleWarning())) }
        if noticeDatabaseChange() { return true }
        return news || Int(state.session.now.timeIntervalSince1970 / 60) != previousMinute || warning != state.warning
    }

    /// Whether the database changed since the last look (this desk's scheduler passes, or another process); if so
    /// the visible screen is re-read. Either may have left the write-ahead log long.
    private func noticeDatabaseChange() -> Bool {
        guard (try? monitor?.hasChanged()) == true else { return false }
        logNeedsCheckpoint = true
        send(.databaseChanged)
        return true
    }

    /// Runs the scheduler inside this desk: catches up (showing the user's "while you were away" digest) in the
    /// background after the first frame, then fires due work on idle ticks. See ``DeskScheduling``.
    public func attachScheduler(_ scheduling: DeskScheduling) {
        self.scheduling = scheduling
        needsCatchUp = true
    }

    /// Starts the launch catch-up in the background; keys are answered meanwhile, and the status line counts
    /// what it handled (``applySchedulerNews()``).
    private func startCatchUp() {
        guard needsCatchUp, let scheduling else { return }
        needsCatchUp = false
        catchUp = (true, 0)
        scheduling.startCatchUp()
    }

    /// Applies what the scheduler's background passes did: the catch-up's progress, then its end (a re-read and the
    /// digest line), and the bell for new notifications. Returns whether the screen needs drawing again.
    private func applySchedulerNews() -> Bool {
        guard let scheduling else { return false }
        let news = scheduling.takeNews()
        var changed = false
        if catchUp.running, news.caughtUp > 0 {
            catchUp.handled += news.caughtUp
            if !news.catchUpFinished {
                state.status = StatusMessage(text: "Catching up on what came due while the desk was closed: \(Format.count(catchUp.handled)) handled…", isError: false)
            }
            changed = true
        }
        if news.catchUpFinished {
            let handled = catchUp.handled
            catchUp = (false, 0)
            if handled > 0 {
                send(.databaseChanged)
                state.status = nil
            }
            if let digest = scheduling.digestLine(for: state.session.user) { state.status = StatusMessage(text: digest + " (see the inbox)", isError: false) }
            send(.schedulerHealth(scheduling.staleWarning(fresh: true)))
            changed = true
        }
        if news.notified > 0, scheduling.ringsBell { terminal.bell() }
        return changed
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
                load(id, request)
            case .write(let change):
                guard !state.session.readOnly else {
                    send(.writeFailed(change, "The database is read-only: nothing was changed."))
                    continue
                }
                do {
                    let text = try writer.perform(change, session: state.session)
                    logNeedsCheckpoint = true
                    send(.wrote(change, text))
                    scheduling?.runRulesSoon()
                } catch {
                    send(.writeFailed(change, Self.describe(error)))
                }
            case .task(let id, let task):
                guard let screen = state.screens[id] else { continue }
                do {
                    let text = try screen.run(task, database: database, session: state.session)
                    logNeedsCheckpoint = true
                    send(.taskDone(id, text))
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

    /// Starts reading what screen `id` shows, in the background.
    ///
    /// While a `reset` of the screen (a new queue, sort, filter or scope) is still being read, a `refresh` or
    /// `stages` read of it would be planned against the rows on show — the old queue — and, being newer, make
    /// the reset obsolete: it is read as a reset instead.
    private func load(_ id: ScreenID, _ asked: LoadRequest) {
        guard let screen = state.screens[id] else { return }
        let request = BackgroundLoader.request(asked, resetInFlight: resetsInFlight.contains(id))
        if request == .reset { resetsInFlight.insert(id) }
        let database = database, session = state.session
        loader.start(id, request, stamp: state.currentStamp) {
            let loaded = try screen.loadErased(request, from: database, session: session)
            return (loaded, try database.unreadCount(for: session.user, at: session.now))
        }
    }

    /// Copies the log the desk's writes left into the database, off the key path (see ``AppDatabase/deferCheckpoints()``).
    private func checkpointInBackground() {
        guard logNeedsCheckpoint else { return }
        logNeedsCheckpoint = false
        let database = database
        DispatchQueue.global(qos: .utility).async {
            do { try database.checkpoint() } catch {
                // Readers held the log, or the file is busy: the next write past the limit copies it instead.
            }
        }
    }

    /// Applies the reads that came back; returns whether the frame changed (a read applied, or reading ended).
    @discardableResult
    private func applyFinishedReads() -> Bool {
        let wasReading = state.isReading
        let reads = loader.takeFinished()
        for read in reads {
            if read.ticket.request == .reset { resetsInFlight.remove(read.ticket.screen) }
            switch read.result {
            case .success(let loaded):
                send(.loaded(read.ticket.screen, read.ticket.request, loaded))
                if read.ticket.stamp != state.currentStamp { send(.readOutdated(read.ticket.screen)) }
                if let unread = read.unreadCount { send(.unreadCount(unread)) }
            case .failure(let error):
                send(.loadFailed(read.ticket.screen, read.ticket.request, Self.describe(error)))
            }
        }
        state.isReading = loader.isBusy
        return !reads.isEmpty || wasReading != state.isReading
    }

    /// Runs the previewed import, drawing its progress after each batch.
    private func runImport(_ preview: ImportPreview) {
        guard !state.session.readOnly || preview.dryRun else {
            send(.importFailed("The database is read-only: nothing was imported."))
            return
        }
        send(.importProgress(fraction: 0, text: "Starting…"))
        present()
        // Batches commit as they go, whether or not the import finishes.
        logNeedsCheckpoint = !preview.dryRun
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

    static func describe(_ error: Error) -> String {
        if let error = error as? DomainError { return error.description }
        if let error = error as? StoreError { return error.description }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
