import TerminalUI

/// What the shell does whatever the screen: switch screens, go back, help, the `:` line, quit.
public enum ShellAction: Hashable, Sendable {
    /// Show the tab at this position (0-based) of the registry's tabs.
    case showTab(Int)
    case nextScreen, previousScreen, back, help, commandLine, quit

    /// The `:` name.
    public var name: String {
        switch self {
        case .showTab(let index): ScreenRegistry.tabs.indices.contains(index) ? ScreenRegistry.tabs[index].commandName : "tab-\(index + 1)"
        case .nextScreen: "next-screen"
        case .previousScreen: "previous-screen"
        case .back: "back"
        case .help: "help"
        case .commandLine: "command"
        case .quit: "quit"
        }
    }

    public var summary: String {
        switch self {
        case .showTab(let index): ScreenRegistry.tabs.indices.contains(index) ? "go to \(ScreenRegistry.tabs[index].title)" : "go to a screen"
        case .nextScreen: "next screen"
        case .previousScreen: "previous screen"
        case .back: "back (clears a filter first)"
        case .help: "help: every key of this screen (type to filter)"
        case .commandLine: "run a command by name (Tab completes)"
        case .quit: "quit"
        }
    }

    /// The shell's keys: number keys for the registry's tabs, then the rest.
    public static var bindings: [KeyBinding<ShellAction>] {
        let tabs = ScreenRegistry.tabs.indices.prefix(9).map { index in
            KeyBinding([.character(Character(String(index + 1)))], ShellAction.showTab(index))
        }
        return tabs + [
            KeyBinding([.tab], .nextScreen),
            KeyBinding([.backTab], .previousScreen),
            KeyBinding([.escape, .character("q")], .back, hint: "back"),
            KeyBinding([.character("?")], .help, hint: "help"),
            KeyBinding([.character(":")], .commandLine),
            KeyBinding([.ctrl("c")], .quit),
        ]
    }

    var entry: CommandEntry {
        let keys = Self.bindings.first { $0.action == self }?.keys ?? []
        return CommandEntry(keys: keys, name: name, summary: summary, hint: nil)
    }
}
