import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk backup FILE`: a consistent copy while desks and the scheduler keep running.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a new file with SQLite's online backup API (safe while desks run).",
        discussion: "Nightly, from cron: 30 2 * * * salesdesk backup \"$HOME/backups/desk-$(date +\\%F).sqlite\"")

    @OptionGroup var options: DeskOptions
    @Argument(help: ArgumentHelp("The backup file to create (must not exist).", valueName: "file")) var file: String

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true, access: .deskUsersAndFileOwner)
        try database.backup(to: file)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print(String(format: "Backed up %@ to %@ (%.1f MB, checked).", database.path, file, Double(bytes) / 1_048_576))
    }
}

/// `salesdesk restore FILE`: replace the database with a checked backup.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup, after checking its integrity, schema and audit chain.",
        discussion: "Refuses a backup that fails SQLite's integrity check, comes from a newer salesdesk, or has a broken audit chain. Admins only (or a live file too broken to open).")

    @OptionGroup var options: DeskOptions
    @Argument(help: ArgumentHelp("The backup file to restore.", valueName: "file")) var file: String
    @Flag(help: "Restore even a backup whose audit log does not reach the newest anchor (an older copy, or a rewritten log).")
    var force = false

    func run() throws {
        let path = options.databasePath
        let inspection = try AppDatabase.inspectBackup(at: file)
        // A live file too broken to open cannot say who may restore it: then the file's permissions decide.
        let live: AppDatabase?
        do {
            live = try options.openDatabase(access: .deskUsersAndFileOwner, allowDamaged: true)
        } catch StoreError.notADatabase {
            live = nil
        } catch StoreError.damaged {
            live = nil
        }
        if let live, try !live.users().isEmpty {
            try live.permissions.check(.restoreBackup, by: try options.currentUser(in: live))
        }
        let restored = try AppDatabase.restore(from: file, to: path, configuration: options.loadConfiguration(), force: force, now: DeskClock.now)
        if let miss = restored.anchorMiss { print("Restored although \(miss) (--force).") }
        let chain = inspection.auditChain.map { "audit chain of \($0.entriesChecked) entries intact" } ?? "audit chain added on restore"
        print("Restored \(path) from \(file): \(CountPhrase.of(inspection.leadCount, "lead")), \(chain).")
    }
}
