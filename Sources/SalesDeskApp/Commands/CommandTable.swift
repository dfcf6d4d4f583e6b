import TerminalUI

/// The commands on offer on the screen on show, for this user: what the footer, `?` help and `:` completion all
/// read. Derived from the shell's, the list's and the screen's bindings, so no screen writes key hints by hand.
public struct CommandTable: Sendable {
    /// The screen's own commands first, then list movement, then the shell's.
    public let entries: [CommandEntry]
    /// The footer's hints: the screen's commands that have one, then the shell's back and help.
    public let footer: [(key: String, label: String)]

    public init(state: AppState) {
        let session = state.session
        let screen = state.screen
        let own = screen.commandEntries(for: session)
        let list = ListMove.bindings.map(\.entry)
        let shell = ShellAction.bindings.map { binding in
            CommandEntry(keys: binding.keys, name: binding.action.name, summary: binding.action.summary, hint: binding.hint)
        }
        entries = own + list + shell
        var hints = own.compactMap { entry in entry.hint.map { (key: entry.keys[0].label, label: $0) } }
        hints.insert((key: "1-\(ScreenRegistry.tabs.count)", label: "screens"), at: 0)
        if !state.history.isEmpty { hints.append((key: "Esc", label: "back")) }
        footer = hints
    }

    /// Names typed after `:`, with `theme` (which takes a name) and `q`.
    public var commandNames: [String] {
        var seen = Set<String>()
        return (entries.map(\.name) + ["theme", "q"]).filter { seen.insert($0).inserted }
    }

    /// Command names starting with `prefix`, in table order.
    public func completions(for prefix: String) -> [String] {
        let wanted = prefix.lowercased()
        return commandNames.filter { $0.hasPrefix(wanted) }
    }

    /// Entries whose name, keys or summary contain `text` (the help filter).
    public func matching(_ text: String) -> [CommandEntry] {
        let wanted = text.lowercased()
        guard !wanted.isEmpty else { return entries }
        return entries.filter { $0.name.contains(wanted) || $0.summary.lowercased().contains(wanted) || $0.keyLabel.lowercased().contains(wanted) }
    }
}
