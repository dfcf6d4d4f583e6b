import Foundation

/// Why the store could not open or change the database, in words a user can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case schemaNewerThanBinary(path: String, unknownMigrations: [String])
    case notADatabase(path: String, detail: String)
    case cannotCreateDirectory(path: String, detail: String)
    case readOnly(path: String)
    /// The file (or its `-wal`/`-shm`) cannot be opened even for reading by this account.
    case cannotRead(path: String, detail: String)
    /// A read verb named a file that does not exist (nothing is created).
    case noDatabase(path: String)
    /// SQLite found damage (`SQLITE_CORRUPT`): writing stops until the file is restored.
    case damaged(path: String, detail: String)
    case integrityCheckFailed(path: String, messages: [String])
    case backupFailed(path: String, detail: String)
    case backupRefused(path: String, detail: String)
    case storageFull(detail: String)
    case storageFailed(detail: String)

    public var description: String {
        switch self {
        case .schemaNewerThanBinary(let path, let unknown):
            "\(path) was written by a newer Sales Desk (unknown migrations: \(unknown.joined(separator: ", "))). Upgrade salesdesk to open it."
        case .notADatabase(let path, let detail):
            "\(path) is not a usable Sales Desk database (\(Self.clause(detail))). Check the path, or restore it from a backup."
        case .cannotCreateDirectory(let path, let detail):
            "Cannot create the data folder \(path): \(Self.clause(detail))."
        case .cannotRead(let path, let detail):
            "\(path) cannot be opened: \(Self.clause(detail)). Ask an admin to give your account access to the file, its -wal and -shm files and its folder (see Docs/OPERATIONS.md, \"A team-shared database\")."
        case .noDatabase(let path):
            "There is no database at \(path). Check --db or SALESDESK_DB; create a database with a command that adds something (salesdesk users add HANDLE --name \"...\" --role admin) or try the demo (salesdesk --demo)."
        case .damaged(let path, let detail):
            "\(path) is damaged (\(Self.clause(detail))). Nothing more will be written to it. Run salesdesk db check for what is damaged, then restore the newest good backup: salesdesk restore BACKUP-FILE (see Docs/OPERATIONS.md)."
        case .readOnly(let path):
            "\(path) is read-only: changes cannot be saved. Ask an admin for write access to the file and its folder."
        case .integrityCheckFailed(let path, let messages):
            "\(path) failed its integrity check: \(messages.prefix(3).joined(separator: "; ")). Restore it from a backup."
        case .backupFailed(let path, let detail):
            "Backup to \(path) failed: \(Self.clause(detail)). Nothing was written under that name."
        case .storageFull(let detail):
            "The disk is full (or a file size limit was reached) while saving: \(Self.clause(detail)). Nothing of that change was saved and the database is intact. Free some space and try again."
        case .storageFailed(let detail):
            "The database file could not be written (\(Self.clause(detail))). Nothing of that change was saved. Check the disk and the file's permissions, then try again."
        case .backupRefused(let path, let detail):
            "\(path) cannot be restored: \(Self.clause(detail)). The live database was not touched."
        }
    }

    public var errorDescription: String? { description }

    /// A detail quoted inside a sentence, without its own closing full stop (system messages end with one,
    /// and "permission.." read badly).
    static func clause(_ detail: String) -> String {
        var text = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") && !text.hasSuffix("...") { text.removeLast() }
        return text
    }
}
