import ArgumentParser
import Foundation
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

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

    /// Loads the config file: the default one gives the defaults when absent, but a file named with
    /// `--config` must exist (a typo must not silently run with defaults).
    public func loadConfiguration() throws -> DeskConfiguration {
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ValidationError(TextSanitizer.sanitize("--config \(config): there is no such file. Check the path, or leave --config out to use \(ConfigLoader.defaultPath())."))
        }
        return try ConfigLoader.load(path: config ?? ConfigLoader.defaultPath())
    }

    /// Opens the selected database with the loaded config and the process clock, then works out who is
    /// acting (``CurrentUser``) and refuses a deactivated login, a switch of user the account may not
    /// make, and (for `access`) a non-user. `SALESDESK_NOW` is honoured only where ``DeskClock`` allows.
    ///
    /// Only write verbs (`allowReadOnly` false) and `creating` callers (the desk on its default path)
    /// create a missing file; read verbs say that it does not exist.
    public func openDatabase(allowReadOnly: Bool = false, access: DeskAccess = .deskUsers, creating: Bool? = nil,
                             allowDamaged: Bool = false) throws -> AppDatabase {
        OpenedDatabase.remember(databasePath)
        // A long migration (the history backfill of a large file) shows its progress on stderr.
        MigrationProgress.handler = { step, fraction in
            FileHandle.standardError.write(Data(String(format: "\r%@ %3.0f %%%@", step, fraction * 100, fraction >= 1 ? "\n" : "").utf8))
        }
        defer { MigrationProgress.handler = nil }
        let configuration = try loadConfiguration()
        // A team-shared database: whatever this process creates beside it stays readable and writable by the group.
        if configuration.databaseGroup != nil { umask(FileSharing.groupUmask) }
        let database = try AppDatabase.open(path: databasePath, configuration: configuration, allowReadOnly: allowReadOnly,
                                            creatingMissingFile: creating ?? !allowReadOnly, allowDamaged: allowDamaged, now: DeskClock.now)
        let identity = try CurrentUser.identify(explicit: asUser, in: database)
        try CurrentUser.checkAccess(identity, access: access, in: database)
        try DeskClock.honourFixedTime(for: database)
        database.recordChanges(operatedBy: identity.operatedBy)
        return database
    }

    /// Opens the selected database for reading only: nothing, not even SQLite's header, is written (dry runs, reports).
    public func openDatabaseForReading() throws -> AppDatabase {
        OpenedDatabase.remember(databasePath)
        let database = try AppDatabase.openForReadingOnly(path: databasePath, configuration: loadConfiguration(), now: DeskClock.now)
        try CurrentUser.checkAccess(try CurrentUser.identify(explicit: asUser, in: database), access: .deskUsers, in: database)
        try DeskClock.honourFixedTime(for: database)
        return database
    }

    /// The desk user acting: `--as`, else the OS login name; see ``CurrentUser``.
    public func currentUser(in database: AppDatabase) throws -> User {
        try CurrentUser.resolve(CurrentUser.identify(explicit: asUser, in: database), in: database)
    }
}
