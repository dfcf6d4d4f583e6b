import ArgumentParser
import Foundation
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskStore

/// Options every command shares: which database, which config, who is acting.
public struct DeskOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $SALESDESK_DB, else $XDG_DATA_HOME/salesdesk/desk.sqlite).", valueName: "path"))
    public var db: String?

    @Option(name: .long, help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/salesdesk/config.toml).", valueName: "path"))
    public var config: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this desk user instead of the OS login name.", valueName: "handle"))
    public var asUser: String?

    public init() {}

    /// The database path these options select.
    public var databasePath: String { db ?? AppDatabase.defaultPath() }

    /// Loads the config file (defaults when absent).
    public func loadConfiguration() throws -> DeskConfiguration {
        try ConfigLoader.load(path: config ?? ConfigLoader.defaultPath())
    }

    /// Opens the selected database with the loaded config and the process clock, then refuses a
    /// deactivated login or an `--as` the login may not use (see ``CurrentUser/checkAccess(explicit:in:environment:)``).
    public func openDatabase(allowReadOnly: Bool = false) throws -> AppDatabase {
        // A long migration (the history backfill of a large file) shows its progress on stderr.
        MigrationProgress.handler = { step, fraction in
            FileHandle.standardError.write(Data(String(format: "\r%@ %3.0f %%%@", step, fraction * 100, fraction >= 1 ? "\n" : "").utf8))
        }
        defer { MigrationProgress.handler = nil }
        let database = try AppDatabase.open(path: databasePath, configuration: loadConfiguration(), allowReadOnly: allowReadOnly, now: DeskClock.now)
        try CurrentUser.checkAccess(explicit: asUser, in: database)
        return database
    }

    /// The desk user acting: `--as`, else the OS login name; see ``CurrentUser``.
    public func currentUser(in database: AppDatabase) throws -> User {
        try CurrentUser.resolve(explicit: asUser, in: database)
    }
}

/// The process's notion of "now": the real clock, or `SALESDESK_NOW` (ISO 8601) for reproducible runs.
public enum DeskClock {
    public static let now: @Sendable () -> Date = {
        if let fixed = ProcessInfo.processInfo.environment["SALESDESK_NOW"], let date = try? Date(fixed, strategy: .iso8601) {
            return date
        }
        return Date()
    }
}
