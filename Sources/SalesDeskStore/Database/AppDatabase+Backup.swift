import Foundation
import GRDB
import SalesDeskDomain

/// What a backup file holds, as checked before it is restored.
public struct BackupInspection: Sendable, Equatable {
    /// The migrations the backup's schema has.
    public var migrations: [String]
    /// The audit chain's state (nil for a backup made before the chain existed; it is chained on restore).
    public var auditChain: AuditChainReport?
    /// Leads in the backup, to show what is about to be restored.
    public var leadCount: Int
    /// Whether the backup's chain reaches the live file's newest anchor (nil: not checked).
    public var anchorMiss: AuditAnchorMiss? = nil
}

extension AppDatabase {
    /// Copies the whole database into a new file at `path` with SQLite's online backup API: consistent
    /// while desks and the scheduler keep writing. The copy is written beside `path`, checked, and only
    /// then renamed into place (mode 0600), so a failed backup (disk full) never leaves a half file under
    /// the final name. An existing file is never overwritten.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.backupFailed(path: path, detail: "the file exists; choose a new name (e.g. desk-$(date +%F).sqlite)")
        }
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Self.createPrivateFile(partial)
            let copy = try DatabaseQueue(path: partial)
            try writer.backup(to: copy)
            let problems = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.filter { $0 != "ok" }
            try copy.close()
            guard problems.isEmpty else { throw StoreError.integrityCheckFailed(path: partial, messages: problems) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            Self.removeDatabaseFiles(partial)
            if let error = error as? StoreError { throw error }
            throw StoreError.backupFailed(path: path, detail: "\(error)")
        }
    }

    /// Checks a backup file without changing it: SQLite's integrity check, a schema this binary knows,
    /// and (when present) an intact audit chain. Throws a ``StoreError`` that says what is wrong.
    public static func inspectBackup(at path: String) throws -> BackupInspection {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.backupRefused(path: path, detail: "no such file") }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: immutablePath(path), configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                guard problems.isEmpty else { throw StoreError.integrityCheckFailed(path: path, messages: problems) }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("lead") else {
                    throw StoreError.backupRefused(path: path, detail: "it is an SQLite file but not a Sales Desk database")
                }
                let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let unknown = migrations.filter { !Schema.knownMigrations.contains($0) }
                guard unknown.isEmpty else { throw StoreError.schemaNewerThanBinary(path: path, unknownMigrations: unknown) }
                let chained = try db.columns(in: "audit_entry").contains { $0.name == "hash" }
                let chain = chained ? try AuditChainWalk.verify(db) : nil
                if let broken = chain?.firstBreak {
                    throw StoreError.backupRefused(path: path, detail: "its audit log was tampered with (\(broken))")
                }
                return BackupInspection(migrations: migrations, auditChain: chain, leadCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") ?? 0)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.notADatabase(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Replaces the database at `livePath` with the backup at `backupPath`, after ``inspectBackup(at:)``.
    ///
    /// A live file that opens is overwritten through SQLite's backup API under its write lock, so desks
    /// still running see the restored data on their next read rather than a file swapped under them.
    /// A live file that does not open (corrupt) is moved aside to `<name>.broken-<time>` with its
    /// `-wal`/`-shm`, and the backup is copied beside it and renamed into place. Either way the result is
    /// migrated to this binary's schema.
    ///
    /// A backup whose audit chain does not reach the newest anchor the live file knows (``AuditAnchor``:
    /// it is older than the anchor, or its log was rewritten) is refused unless `force` is true.
    /// The backup is opened immutable, so no `-wal`/`-shm` files are left beside it.
    @discardableResult
    public static func restore(from backupPath: String, to livePath: String, configuration: DeskConfiguration = .standard,
                               force: Bool = false, now: @escaping @Sendable () -> Date = { Date() }) throws -> BackupInspection {
        var inspection = try inspectBackup(at: backupPath)
        var config = Configuration()
        config.readonly = true
        let source = try DatabaseQueue(path: immutablePath(backupPath), configuration: config)
        defer { try? source.close() }
        let live = try openUnlessBroken(livePath, configuration: configuration, now: now)
        if let anchor = try live?.newestAuditAnchor() {
            inspection.anchorMiss = try source.read { db in try AuditAnchorCheck.check(db, anchor) }
            if let miss = inspection.anchorMiss, !force {
                throw StoreError.backupRefused(path: backupPath, detail: "\(miss). Restore a newer backup, or pass --force to restore this one anyway")
            }
        }
        if let live {
            try source.backup(to: live.writer)
        } else {
            if FileManager.default.fileExists(atPath: livePath) {
                let aside = livePath + ".broken-\(Int(now().timeIntervalSince1970))"
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: livePath + suffix) {
                    try FileManager.default.moveItem(atPath: livePath + suffix, toPath: aside + suffix)
                }
            }
            let partial = livePath + ".restoring-\(ProcessInfo.processInfo.processIdentifier)"
            do {
                try createPrivateFile(partial)
                let copy = try DatabaseQueue(path: partial)
                try source.backup(to: copy)
                try copy.close()
                try FileManager.default.moveItem(atPath: partial, toPath: livePath)
            } catch {
                removeDatabaseFiles(partial)
                throw StoreError.backupFailed(path: livePath, detail: "\(error)")
            }
        }
        DamageMarker.clear(livePath)
        _ = try AppDatabase.open(path: livePath, configuration: configuration, now: now)
        return inspection
    }

    /// The live database, or nil when there is none or it is not a usable database (and so is to be replaced).
    private static func openUnlessBroken(_ path: String, configuration: DeskConfiguration, now: @escaping @Sendable () -> Date) throws -> AppDatabase? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try AppDatabase.open(path: path, configuration: configuration, allowDamaged: true, now: now)
        } catch StoreError.notADatabase {
            return nil
        } catch StoreError.damaged {
            return nil
        }
    }

    /// An SQLite URI that opens `path` as an immutable snapshot: nothing is written beside it (no `-wal`/`-shm`).
    static func immutablePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else { return path }
        return "file:\(encoded)?immutable=1"
    }

    static func createPrivateFile(_ path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.backupFailed(path: path, detail: "cannot create the file (does the folder exist and can you write to it?)")
        }
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
