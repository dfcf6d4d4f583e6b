import Foundation

/// Why the store could not open or change the database, in words a user can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case schemaNewerThanBinary(path: String, unknownMigrations: [String])
    case notADatabase(path: String, detail: String)
    case cannotCreateDirectory(path: String, detail: String)
    case readOnly(path: String)
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
            "\(path) is not a usable Sales Desk database (\(detail)). Check the path, or restore it from a backup."
        case .cannotCreateDirectory(let path, let detail):
            "Cannot create the data folder \(path): \(detail)."
        case .readOnly(let path):
            "\(path) is read-only: changes cannot be saved. Ask an admin for write access to the file and its folder."
        case .integrityCheckFailed(let path, let messages):
            "\(path) failed its integrity check: \(messages.prefix(3).joined(separator: "; ")). Restore it from a backup."
        case .backupFailed(let path, let detail):
            "Backup to \(path) failed: \(detail). Nothing was written under that name."
        case .storageFull(let detail):
            "The disk is full (or a file size limit was reached) while saving: \(detail). Nothing of that change was saved and the database is intact. Free some space and try again."
        case .storageFailed(let detail):
            "The database file could not be written (\(detail)). Nothing of that change was saved. Check the disk and the file's permissions, then try again."
        case .backupRefused(let path, let detail):
            "\(path) cannot be restored: \(detail). The live database was not touched."
        }
    }

    public var errorDescription: String? { description }
}
