import ArgumentParser
import Foundation
import SalesDeskStore

/// `salesdesk db path|migrate|check`.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Database location, migration and integrity check.",
                                                    subcommands: [Path.self, Migrate.self, Check.self])

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the database path in use.")
        @OptionGroup var options: DeskOptions
        func run() { print(options.databasePath) }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema (safe to repeat).")
        @OptionGroup var options: DeskOptions
        func run() throws {
            let database = try options.openDatabase(access: .deskUsersAndFileOwner)
            print("\(database.path): schema up to date (\(try database.appliedMigrations().count) migrations).")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the file: SQLite's integrity and foreign key checks, and every table and index the desk needs.",
            discussion: "Exit 1 naming what is damaged or missing; the file is then marked damaged and nothing writes to it until a check passes or a backup is restored.")
        @OptionGroup var options: DeskOptions
        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true, access: .deskUsersAndFileOwner, allowDamaged: true)
            let problems = try database.integrityProblems()
            guard problems.isEmpty else {
                throw StoreError.integrityCheckFailed(path: database.path, messages: problems)
            }
            print("\(database.path): ok")
        }
    }
}
