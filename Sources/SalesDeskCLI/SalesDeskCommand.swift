import ArgumentParser
import Foundation
import SalesDeskStore
import TerminalUI

/// `salesdesk`: with no subcommand, opens the desk (``OpenCommand``); verbs work without the TUI.
public struct SalesDeskCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "salesdesk",
        abstract: "A terminal desk for sales and support: My Agenda, queues, pipeline board, tickets.",
        discussion: """
            Data: $XDG_DATA_HOME/salesdesk/desk.sqlite (or --db / $SALESDESK_DB). Config: $XDG_CONFIG_HOME/salesdesk/config.toml.
            Try it: salesdesk --demo
            """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, AgendaCommand.self, LeadCommand.self, TicketCommand.self, FollowUpCommand.self,
            UsersCommand.self, DbCommand.self, SchedulerCommand.self, ImportCommand.self, ExportCommand.self, ContactCommand.self,
            AuditCommand.self, BackupCommand.self, RestoreCommand.self, ReportCommand.self, QuotaCommand.self, RulesCommand.self, DigestCommand.self,
        ],
        defaultSubcommand: OpenCommand.self)

    public init() {}

    /// The executable's entry point: runs the command and reports storage failures (disk full, a file size
    /// limit) as ``StoreError``s that say nothing was saved, instead of raw SQLite codes.
    ///
    /// `SIGXFSZ` is ignored so that hitting a file size limit (`ulimit -f`) is an error SQLite can roll back
    /// and report, not a silent kill.
    ///
    /// Damage (`SQLITE_CORRUPT`) met anywhere marks the database damaged (``DamageMarker``), so no other
    /// process keeps writing to it, and says how to restore. Output that cannot be written (a full disk,
    /// `> /dev/full`) is an error, not a silent exit 0.
    public static func mainReportingStorageErrors() -> Never {
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardOutput.finish()
            exit()
        } catch {
            let error = OpenedDatabase.explaining(error)
            guard exitCode(for: error) != .success else { exit(withError: error) }
            // Messages quote input (headers, file names, values): they pass the sanitiser like any other text.
            let lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.sanitize(String($0)) }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}

/// `salesdesk open` (the default): the interactive desk.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the interactive desk (the default).")

    @OptionGroup var options: DeskOptions

    @Flag(help: "Open the desk on its own demo database (generated on first use) as the sample rep.")
    var demo = false

    @Option(help: "Colour theme: default, light, high-contrast, mono, or a file in $XDG_CONFIG_HOME/salesdesk/themes.")
    var theme: String?

    @Flag(help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Turn on the mouse: click a tab, scroll lists with the wheel (off by default: it takes over text selection).")
    var mouse = false

    func run() throws {
        var options = options
        if demo {
            options.db = options.db ?? DemoCommand.defaultDemoPath()
            if !FileManager.default.fileExists(atPath: options.databasePath) {
                try DemoCommand.generate(into: options.databasePath, size: .small, seed: 42, progress: false)
            }
            if options.asUser == nil { options.asUser = DemoCommand.demoRepHandle }
        }
        try DeskLauncher(options: options, theme: theme, noColor: noColor, mouse: mouse).run()
    }
}
