import TerminalUI

/// A dialog over the screen.
public enum Modal: Sendable, Equatable {
    case form(FormState)
    case help(HelpState)
    /// "Quit with unsaved input?" — `n` or Esc goes back to the form, which keeps its text.
    case confirmQuit(returningTo: FormState)
    /// The mapping and first rows of a file about to be imported; its progress while it runs.
    case importPreview(ImportPreview)
    /// A message the user reads and dismisses (a long error, an import summary, a dry run), wrapped to the dialog;
    /// one longer than the screen scrolls, `offset` being its first line shown.
    case message(title: String, text: String, isError: Bool, offset: Int = 0)
}

/// The help dialog: a filter line and the scrolling list of the screen's commands.
public struct HelpState: Sendable, Equatable {
    public var filter = TextField()
    /// The first entry drawn.
    public var offset = 0

    public init() {}
}
