import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// A screen of the desk, as one module: its state (the conforming value), its loading, its keymap, its update and
/// its render. The shell (tab bar, status line, footer, modals, help, `:` line) knows screens only through this
/// protocol and ``ScreenRegistry``.
///
/// ```swift
/// extension ScreenID { static let reports = ScreenID("reports") }
/// struct ReportsScreen: DeskScreen { … }          // in Screens/Reports/
/// // and one line in ScreenRegistry.all
/// ```
public protocol DeskScreen: Sendable {
    /// The screen's own commands.
    associatedtype Action: ScreenAction
    /// What one load brings back (rows, a record, a board).
    associatedtype Loaded: Sendable

    static var id: ScreenID { get }
    /// The tab bar's and help's name for the screen.
    static var title: String { get }
    /// The screen's keys; the shell offers only those ``KeyBinding/isAvailable(to:)`` allows.
    static var bindings: [KeyBinding<Action>] { get }

    /// A fresh screen; `record` is the record a detail screen shows.
    init(session: DeskSession, record: RecordReference?)

    /// The tab bar's title now (with a count, say); ``title`` by default.
    func tabTitle(_ session: DeskSession) -> String
    /// What the user has selected, for commands shared between screens (move a lead, complete a follow-up).
    var selection: Selection { get }
    /// Rows of the content area above the list's first row (tabs, a summary, a table header): the shell
    /// subtracts them to tell the screen how many rows its list shows.
    var rowsAboveList: Int { get }
    /// How many content rows one list row takes (board cards take two).
    var rowsPerItem: Int { get }

    /// Runs one of the screen's commands.
    mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect]
    /// Moves the selection of the screen's focused list.
    mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect]
    /// Keys typed while the screen holds a text prompt (its filter line); nil when it holds none.
    mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]?
    /// Whether a text prompt is open (keys typed ahead are then applied together before one load).
    var typesText: Bool { get }

    /// Reads what `request` asks for (run by the runtime, off `update`).
    func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded
    /// Takes a load's result in (inside `update`).
    mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext)
    /// A load failed: drop what waits for it (the message is shown by the shell).
    mutating func loadFailed(_ request: LoadRequest)
    /// The load that brings the screen up to date after `write` succeeded.
    func reload(after write: DeskWrite) -> LoadRequest
    /// Forgets the marks of a bulk action (it is done).
    mutating func clearMarks()
    /// Runs one of the screen's own side effects (asked for with ``Effect/task(_:_:)``); returns what to say.
    func run(_ task: ScreenTask, database: AppDatabase, session: DeskSession) throws -> String
    /// The text the user saved in `$EDITOR` after the screen asked for ``Effect/editForScreen(_:_:)``.
    mutating func edited(_ text: String, _ context: inout ScreenContext) -> [Effect]

    /// Draws the screen into `area`.
    func render(in area: Rect, _ context: RenderContext, grid: inout Grid)
}

extension DeskScreen {
    public func tabTitle(_ session: DeskSession) -> String { Self.title }
    public var selection: Selection { .none }
    public var rowsAboveList: Int { 1 }
    public var rowsPerItem: Int { 1 }
    public mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]? { nil }
    public var typesText: Bool { false }
    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] { [] }
    public mutating func loadFailed(_ request: LoadRequest) {}
    public func reload(after write: DeskWrite) -> LoadRequest { .refresh }
    public mutating func clearMarks() {}
    public mutating func edited(_ text: String, _ context: inout ScreenContext) -> [Effect] { [] }
    public func run(_ task: ScreenTask, database: AppDatabase, session: DeskSession) throws -> String {
        throw DomainError.invalidField(field: Self.title, reason: "this screen has no task '\(task.name)'")
    }

    /// The screen's bindings this session is offered.
    static func bindings(for session: DeskSession) -> [KeyBinding<Action>] {
        bindings.filter { $0.isAvailable(to: session) }
    }

    /// Help, footer and `:` entries of the screen's own commands for `session`.
    static func entries(for session: DeskSession) -> [CommandEntry] {
        bindings(for: session).map(\.entry)
    }

    /// Runs the command bound to `key`, if the screen binds it for this session.
    mutating func handle(key: Key, _ context: inout ScreenContext) -> [Effect]? {
        guard let binding = Self.bindings(for: context.session).first(where: { $0.keys.contains(key) }) else { return nil }
        return perform(binding.action, &context)
    }

    /// Runs the command called `name` (from the `:` line), if the screen has it for this session.
    mutating func handle(commandNamed name: String, _ context: inout ScreenContext) -> [Effect]? {
        guard let binding = Self.bindings(for: context.session).first(where: { $0.action.name == name }) else { return nil }
        return perform(binding.action, &context)
    }

    /// Takes a load's result in, when it is of this screen's kind (the one cast of the type-erased message).
    mutating func apply(erased loaded: any Sendable, for request: LoadRequest, _ context: inout ScreenContext) {
        guard let loaded = loaded as? Loaded else { return }
        apply(loaded, for: request, &context)
    }

    func loadErased(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> any Sendable {
        try load(request, from: database, session: session)
    }

    /// The screen's id, from a value.
    var id: ScreenID { Self.id }

    /// The screen's name, from a value.
    var title: String { Self.title }

    /// Whether the screen binds `key` for `session`.
    func binds(_ key: Key, for session: DeskSession) -> Bool {
        Self.bindings(for: session).contains { $0.keys.contains(key) }
    }

    /// The screen's own commands for `session`, from a value.
    func commandEntries(for session: DeskSession) -> [CommandEntry] { Self.entries(for: session) }
}

/// What a screen may read and change of the shell while it handles a command or a load.
public struct ScreenContext: Sendable {
    public let session: DeskSession
    /// Content rows the screen's list shows (the terminal's height less the shell's and the screen's own rows).
    public let viewport: Int
    /// Set to open a dialog over the screen.
    public var modal: Modal?
    /// Set to say something in the status line.
    public var status: StatusMessage?
    /// Set to open another screen (a record from a list).
    public var navigation: Navigation?

    public init(session: DeskSession, viewport: Int, modal: Modal? = nil, status: StatusMessage? = nil) {
        self.session = session
        self.viewport = viewport
        self.modal = modal
        self.status = status
    }

    /// Says `text` in the status line.
    public mutating func say(_ text: String, error: Bool = false) { status = StatusMessage(text: text, isError: error) }
}

/// A screen change a screen asks for.
public enum Navigation: Sendable, Equatable {
    /// Open the screen `id` on `record`, with Esc coming back here.
    case open(ScreenID, RecordReference)
}

/// What a screen's render may read besides its own state.
public struct RenderContext {
    public let session: DeskSession
    public let theme: Theme
}

/// A status line message.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}
