import SalesDeskDomain
import TerminalUI

/// A screen's own commands: a typed enum whose every case has a `:` name and a help text, so the compiler
/// says when a command lacks either (and `update`'s exhaustive `switch` says when it lacks a handler).
public protocol ScreenAction: CaseIterable, Hashable, Sendable {
    /// The name typed after `:` (`move`, `assign`); lower-case words joined by dashes.
    var name: String { get }
    /// What the command does, as help shows it.
    var summary: String { get }
}

/// Keys bound to a command on a screen, with who may use it and how the footer names it.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    /// The permission the command needs; nil for commands that change nothing. A read-only desk, or a role
    /// the permission table never allows it, is not offered the key (footer, help and `:` alike).
    public var requires: DeskAction?
    /// The footer's short label; nil keeps the command out of the footer (help still lists it).
    public var hint: String?

    public init(_ keys: [Key], _ action: Action, requires: DeskAction? = nil, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.requires = requires
        self.hint = hint
    }

    /// Whether `session` is offered this binding.
    public func isAvailable(to session: DeskSession) -> Bool {
        requires.map(session.mayEver) ?? true
    }
}

/// One line of help, one footer hint and one `:` completion, derived from a binding.
public struct CommandEntry: Sendable, Equatable {
    public var keys: [Key]
    public var name: String
    public var summary: String
    public var hint: String?

    /// `j ↓`, as help shows the keys.
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

extension KeyBinding where Action: ScreenAction {
    var entry: CommandEntry { CommandEntry(keys: keys, name: action.name, summary: action.summary, hint: hint) }
}
