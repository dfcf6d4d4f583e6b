import TerminalUI

/// Every key of the desk is a named command: the footer, `?` help and the `:` command line all read this table.
public struct DeskCommand: Sendable {
    /// Where a command applies.
    public enum Scope: Sendable {
        case everywhere
        case lists
        case screens([Screen.Family])
    }

    public var name: String
    public var keys: [Key]
    public var summary: String
    public var scope: Scope
    /// Shown in the footer of the screens it applies to.
    public var inFooter: Bool
    /// The footer's short label (the summary when nil); help shows the full summary.
    public var hint: String?

    public init(name: String, keys: [Key], summary: String, scope: Scope, inFooter: Bool, hint: String? = nil) {
        self.name = name
        self.keys = keys
        self.summary = summary
        self.scope = scope
        self.inFooter = inFooter
        self.hint = hint
    }

    /// Whether the command applies on `screen`.
    public func applies(to screen: Screen) -> Bool {
        switch scope {
        case .everywhere: true
        case .lists: screen.family != .board
        case .screens(let families): families.contains(screen.family)
        }
    }
}

extension Screen {
    /// A screen without its record id, for key scopes.
    public enum Family: Sendable, Hashable {
        case agenda, leads, tickets, followUps, board, notifications, leadDetail, ticketDetail
    }

    public var family: Family {
        switch self {
        case .agenda: .agenda
        case .leads: .leads
        case .tickets: .tickets
        case .followUps: .followUps
        case .board: .board
        case .notifications: .notifications
        case .leadDetail: .leadDetail
        case .ticketDetail: .ticketDetail
        }
    }
}

/// The desk's commands and their keys.
public enum KeyMap {
    public static let commands: [DeskCommand] = [
        .init(name: "down", keys: [.character("j"), .down], summary: "next row", scope: .everywhere, inFooter: false),
        .init(name: "up", keys: [.character("k"), .up], summary: "previous row", scope: .everywhere, inFooter: false),
        .init(name: "top", keys: [.character("g"), .home], summary: "first row", scope: .everywhere, inFooter: false),
        .init(name: "bottom", keys: [.character("G"), .end], summary: "last row", scope: .everywhere, inFooter: false),
        .init(name: "page-down", keys: [.ctrl("d"), .pageDown], summary: "half a page down", scope: .everywhere, inFooter: false),
        .init(name: "page-up", keys: [.ctrl("u"), .pageUp], summary: "half a page up", scope: .everywhere, inFooter: false),
        .init(name: "open", keys: [.enter], summary: "open", scope: .screens([.agenda, .leads, .tickets, .followUps, .board, .notifications]), inFooter: true),
        .init(name: "back", keys: [.escape, .character("q")], summary: "back", scope: .everywhere, inFooter: true),
        .init(name: "agenda", keys: [.character("1")], summary: "My Agenda", scope: .everywhere, inFooter: false),
        .init(name: "leads", keys: [.character("2")], summary: "Leads", scope: .everywhere, inFooter: false),
        .init(name: "tickets", keys: [.character("3")], summary: "Tickets", scope: .everywhere, inFooter: false),
        .init(name: "followups", keys: [.character("4")], summary: "Follow-ups", scope: .everywhere, inFooter: false),
        .init(name: "board", keys: [.character("5")], summary: "Pipeline board", scope: .everywhere, inFooter: false),
        .init(name: "inbox", keys: [.character("6")], summary: "Notifications", scope: .everywhere, inFooter: false),
        .init(name: "next-screen", keys: [.tab], summary: "next screen", scope: .everywhere, inFooter: false),
        .init(name: "previous-screen", keys: [.backTab], summary: "previous screen", scope: .everywhere, inFooter: false),
        .init(name: "next-queue", keys: [.character("]"), .right], summary: "next queue tab", scope: .screens([.leads, .tickets]), inFooter: true, hint: "next tab"),
        .init(name: "previous-queue", keys: [.character("["), .left], summary: "previous queue tab", scope: .screens([.leads, .tickets]), inFooter: false),
        .init(name: "complete", keys: [.character("c")], summary: "complete follow-up", scope: .screens([.agenda, .followUps, .leadDetail]), inFooter: true, hint: "complete"),
        .init(name: "reschedule", keys: [.character("r")], summary: "reschedule", scope: .screens([.agenda, .followUps, .leadDetail]), inFooter: true),
        .init(name: "snooze", keys: [.character("z")], summary: "snooze 1 hour", scope: .screens([.agenda, .followUps, .notifications]), inFooter: true, hint: "snooze"),
        .init(name: "move", keys: [.character("m")], summary: "move stage", scope: .screens([.leads, .board, .leadDetail, .agenda]), inFooter: true, hint: "move"),
        .init(name: "assign", keys: [.character("a")], summary: "assign", scope: .screens([.leads, .tickets, .ticketDetail, .board]), inFooter: true),
        .init(name: "new", keys: [.character("+")], summary: "new record", scope: .screens([.leads, .tickets]), inFooter: true, hint: "new"),
        .init(name: "new-follow-up", keys: [.character("f")], summary: "new follow-up", scope: .screens([.agenda, .followUps, .leadDetail, .ticketDetail]), inFooter: true, hint: "follow-up"),
        .init(name: "edit", keys: [.character("e")], summary: "edit lead", scope: .screens([.leads, .leadDetail]), inFooter: true, hint: "edit"),
        .init(name: "hold", keys: [.character("O")], summary: "on hold / resume", scope: .screens([.leads, .leadDetail]), inFooter: false),
        .init(name: "category", keys: [.character("c")], summary: "category (re-routes)", scope: .screens([.tickets, .ticketDetail]), inFooter: true, hint: "category"),
        .init(name: "import", keys: [.character("I")], summary: "import leads from a CSV or Excel file", scope: .screens([.leads]), inFooter: false),
        .init(name: "merge-contact", keys: [.character("M")], summary: "merge a duplicate contact into this lead's", scope: .screens([.leadDetail]), inFooter: false),
        .init(name: "mark", keys: [.character(" ")], summary: "mark for bulk action", scope: .screens([.leads, .followUps]), inFooter: true, hint: "mark"),
        .init(name: "sort", keys: [.character("o")], summary: "change sort", scope: .screens([.leads]), inFooter: true, hint: "sort"),
        .init(name: "card-left", keys: [.character("H"), .character("<")], summary: "move card to previous stage", scope: .screens([.board]), inFooter: true, hint: "card ←"),
        .init(name: "card-right", keys: [.character("L"), .character(">")], summary: "move card to next stage", scope: .screens([.board]), inFooter: true, hint: "card →"),
        .init(name: "column-left", keys: [.character("h"), .left], summary: "previous column", scope: .screens([.board]), inFooter: false),
        .init(name: "column-right", keys: [.character("l"), .right], summary: "next column", scope: .screens([.board]), inFooter: false),
        .init(name: "only-mine", keys: [.character("f")], summary: "everyone / mine / my team", scope: .screens([.board]), inFooter: true, hint: "whose"),
        .init(name: "priority", keys: [.character("p")], summary: "cycle priority", scope: .screens([.tickets, .ticketDetail]), inFooter: true, hint: "priority"),
        .init(name: "status", keys: [.character("s")], summary: "change status", scope: .screens([.tickets, .ticketDetail]), inFooter: true, hint: "status"),
        .init(name: "reply", keys: [.character("R")], summary: "comment / reply", scope: .screens([.tickets, .ticketDetail]), inFooter: true, hint: "reply"),
        .init(name: "type", keys: [.character("t")], summary: "filter by type", scope: .screens([.followUps]), inFooter: true, hint: "type"),
        .init(name: "due-range", keys: [.character("d")], summary: "due: any / overdue / today / 7 days", scope: .screens([.followUps]), inFooter: true, hint: "due"),
        .init(name: "acknowledge", keys: [.character("x")], summary: "acknowledge", scope: .screens([.notifications]), inFooter: true),
        .init(name: "filter", keys: [.character("/")], summary: "filter (words, stage:… owner:… score:…; board: owner or team)", scope: .screens([.leads, .board]), inFooter: true, hint: "filter"),
        .init(name: "next-match", keys: [.character("n")], summary: "next match", scope: .screens([.leads]), inFooter: false),
        .init(name: "previous-match", keys: [.character("N")], summary: "previous match", scope: .screens([.leads]), inFooter: false),
        .init(name: "help", keys: [.character("?")], summary: "help", scope: .everywhere, inFooter: true),
        .init(name: "command", keys: [.character(":")], summary: "command line", scope: .everywhere, inFooter: false),
        .init(name: "quit", keys: [.ctrl("c")], summary: "quit", scope: .everywhere, inFooter: false),
    ]

    /// The command bound to `key` on `screen`.
    public static func command(for key: Key, on screen: Screen) -> DeskCommand? {
        commands.first { $0.keys.contains(key) && $0.applies(to: screen) }
    }

    /// The command called `name` (for `:` commands), with `q` and `quit` as aliases of quitting.
    public static func command(named name: String) -> DeskCommand? {
        if name == "q" || name == "quit" { return commands.first { $0.name == "quit" } }
        return commands.first { $0.name == name }
    }

    /// Command names starting with `prefix`, for `:` completion.
    public static func completions(for prefix: String) -> [String] {
        (commands.map(\.name) + ["quit", "theme"]).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
