import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// What can happen to the desk: input from the terminal, the clock, and the results of effects.
///
/// Effects (loads, writes, imports, the editor) run in the runtime and come back as messages, so what happens
/// after a write (status, dialog, marks, which screen reloads) is decided in ``DeskUpdate`` and testable without
/// a database.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// The clock ticked.
    case tick(Date)
    /// Another process (or this desk's scheduler) changed the database: the visible screen re-reads.
    case databaseChanged
    /// A screen's load came back.
    case loaded(ScreenID, LoadRequest, any Sendable)
    /// A screen's load failed with this message.
    case loadFailed(ScreenID, LoadRequest, String)
    /// The inbox's unread count, read with every load.
    case unreadCount(Int)
    /// A screen's read just applied was started before the database last changed (or the minute turned):
    /// what it shows may be out of date, so showing the screen again reads it again (see ``DataStamp``).
    case readOutdated(ScreenID)
    /// A write succeeded; the text says what happened.
    case wrote(DeskWrite, String)
    /// A write was refused or failed; the text says why.
    case writeFailed(DeskWrite, String)
    /// A screen's task finished (the text says what it did) or failed (why).
    case taskDone(ScreenID, String)
    case taskFailed(ScreenID, String)
    /// The file's mapping and first rows, for the import dialog.
    case importPreviewed(ImportPreview)
    /// An import's progress while it runs.
    case importProgress(fraction: Double, text: String)
    /// An import finished (the summary) or stopped (the error).
    case imported(String)
    case importFailed(String)
    /// The editor returned the focused field's new text, or failed.
    case edited(String)
    case editFailed(String)
    /// A theme was loaded for `:theme`, or could not be.
    case themeLoaded(Theme)
    case themeFailed(String)
    /// Whether reminders are firing: a warning while no scheduler has run lately, nil when one has.
    case schedulerHealth(String?)
    /// What the user saved in `$EDITOR` for a screen's ``Effect/editForScreen(_:_:)``.
    case screenTextEdited(ScreenID, String)
}

/// A side effect `update` asks the runtime to perform; its result comes back as a ``Message``.
public enum Effect: Sendable, Equatable {
    /// Read what a screen shows.
    case load(ScreenID, LoadRequest)
    /// Change the database.
    case write(DeskWrite)
    /// Edit the focused text field of the open form in `$VISUAL` / `$EDITOR`.
    case editInEditor(String)
    /// Edit a screen's text (a rule) in `$VISUAL` / `$EDITOR`; the result goes back to that screen's
    /// ``DeskScreen/edited(_:_:)`` (a failing editor, to the status line).
    case editForScreen(ScreenID, String)
    /// Read a file's header and first rows for the import dialog.
    case previewImport(path: String, onDuplicate: DuplicatePolicy, dryRun: Bool)
    /// Run the previewed import.
    case runImport(ImportPreview)
    /// Run a screen's own side effect (an export, enabling a rule); its result comes back as `taskDone`/`taskFailed`.
    case task(ScreenID, ScreenTask)
    /// Load a colour theme by name.
    case setTheme(String)
    case bell
}

/// What a screen load reads.
public enum LoadRequest: Sendable, Hashable {
    /// Everything the screen shows, re-read keeping the user's place and selection.
    case refresh
    /// The screen's list from its first row, selecting it (a new queue, sort or filter).
    case reset
    /// A page of the screen's focused list.
    case page(PageRequest)
    /// After a card move on the board: the totals, and the cards of these stages only.
    case stages(Set<StageKey>)
}

/// A side effect a screen defines for itself (``DeskScreen/run(_:database:session:)``): a name and its arguments.
public struct ScreenTask: Sendable, Hashable {
    public var name: String
    public var arguments: [String]

    public init(_ name: String, _ arguments: [String] = []) {
        self.name = name
        self.arguments = arguments
    }
}
