import ArgumentParser
import Foundation
import NcursesTerminal
import SalesDeskApp
import SalesDeskConfig
import TerminalUI

/// Opens the interactive desk on the terminal and restores the terminal when it closes.
struct DeskLauncher {
    var options: DeskOptions
    var theme: String?
    var noColor: Bool
    var mouse: Bool

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("The desk needs a terminal. For scripts use the verbs: salesdesk agenda, salesdesk lead list, ... (see --help).")
        }
        // The desk creates its default database on first use; a named file (--db, SALESDESK_DB) must exist.
        let onDefaultPath = options.db == nil && (ProcessInfo.processInfo.environment["SALESDESK_DB"] ?? "").isEmpty
        let database = try options.openDatabase(allowReadOnly: true, creating: onDefaultPath)
        let user = try options.currentUser(in: database)
        let themeName = theme ?? database.configuration.theme
        var themeProblem: String?
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeLoader.load(named: themeName)
        } catch {
            themeProblem = "\(error.description) — using the default theme."
            chosenTheme = ThemeLoader.standard
        }
        let terminal = NcursesTerminal(noColor: noColor, mouse: mouse)
        defer { terminal.close() }
        let runtime = try DeskRuntime(database: database, terminal: terminal, user: user, theme: chosenTheme, now: DeskClock.now) { name in
            try ThemeLoader.load(named: name)
        }
        runtime.attachScheduler(DeskScheduling(database: database, now: DeskClock.now))
        if let themeProblem { runtime.showStatus(themeProblem, isError: true) }
        runtime.run()
    }
}
