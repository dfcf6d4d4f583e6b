import Foundation
import GRDB
import SalesDeskDomain

/// The desk's database: one SQLite file in WAL mode, shared by every desk and scheduler on the host.
///
/// Every change goes through a named method (``createLead(_:by:)``, ``moveLead(_:to:reason:by:)``, ...)
/// that runs in one `IMMEDIATE` transaction and appends its audit entries in that same transaction.
///
/// ```swift
/// let database = try AppDatabase.open(path: "desk.sqlite")
/// let lead = try database.createLead(NewLead(...), by: ana)
/// ```
public final class AppDatabase: Sendable {
    /// The GRDB pool: one writer and several readers over the same file.
    public let writer: DatabasePool
    /// The file's path.
    public let path: String
    /// Pipeline, routing and reminder settings the writes obey.
    public let configuration: DeskConfiguration
    /// Whether the file could only be opened for reading.
    public let isReadOnly: Bool
    /// The calendar instant writes stamp; injected so tests are deterministic.
    let now: @Sendable () -> Date
    /// Who really makes the changes when they are made in someone else's name.
    let auditOperator: AuditOperator

    private init(writer: DatabasePool, path: String, configuration: DeskConfiguration, isReadOnly: Bool, now: @escaping @Sendable () -> Date,
                 auditOperator: AuditOperator) {
        self.auditOperator = auditOperator
        self.writer = writer
        self.path = path
        self.configuration = configuration
        self.isReadOnly = isReadOnly
        self.now = now
    }

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    ///
    /// A new file is created with mode 0600 (0660 and the team's group when `configuration.databaseGroup` is set,
    /// see ``FileSharing``); with `creatingMissingFile` false a missing file is ``StoreError/noDatabase(path:)``
    /// and nothing is created. A schema newer than this binary, a file that is not a database, and a read-only
    /// file each produce a ``StoreError`` rather than a crash; a read-only file is opened read-only when
    /// `allowReadOnly` is true (a reader that cannot open it is told so, not that "changes cannot be saved").
    /// A file marked damaged (``DamageMarker``) is refused unless `allowDamaged` (the check and restore verbs,
    /// which then get the file as it is, unmigrated).
    public static func open(
        path: String, configuration: DeskConfiguration = .standard, allowReadOnly: Bool = false,
        creatingMissingFile: Bool = true, allowDamaged: Bool = false, now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> AppDatabase {
        let sharing = try FileSharing(group: configuration.databaseGroup)
        if !FileManager.default.fileExists(atPath: path) {
            guard creatingMissingFile else { throw StoreError.noDatabase(path: path) }
            try createParentDirectory(of: path, sharing: sharing)
            try sharing.createFile(at: path)
        }
        if !allowDamaged, let damage = DamageMarker.read(path) { throw StoreError.damaged(path: path, detail: damage) }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let folderWritable = FileManager.default.isWritableFile(atPath: folder)
        let writable = FileManager.default.isWritableFile(atPath: path) && folderWritable
        if !writable && !allowReadOnly { throw StoreError.readOnly(path: path) }
        try sharing.checkCompanionFiles(of: path)
        let auditOperator = AuditOperator()
        do {
            let pool = try DatabasePool(path: readOnlyOpenPath(path, folderWritable: folderWritable, writable: writable),
                                        configuration: makeConfiguration(readOnly: !writable, auditOperator: auditOperator))
            // A file opened to be checked or replaced (`allowDamaged`) is not migrated: nothing is written to it.
            if writable && !allowDamaged {
                try checkNotNewer(pool, path: path)
                let hadScheduler = try pool.read { db in
                    try !db.tableExists("grdb_migrations") || Schema.migrator.appliedIdentifiers(db).contains(SchedulerSchema.migrationName)
                }
                try Schema.migrator.migrate(pool)
                try pool.write { db in try TicketFiguresSchema.fillIfPending(db, configuration: configuration) }
                if !hadScheduler {
                    // A file from before the scheduler: give its planned follow-ups and open tickets their due work.
                    try pool.write { db in try ScheduledWork.backfill(db, configuration: configuration, now: now()) }
                }
                try sharing.fixCompanionFiles(of: path)
            } else {
                try checkNotNewer(pool, path: path)
            }
            return AppDatabase(writer: pool, path: path, configuration: configuration, isReadOnly: !writable, now: now, auditOperator: auditOperator)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            DamageMarker.mark(path, detail: error.message ?? "SQLite reports damage")
            throw StoreError.damaged(path: path, detail: error.message ?? "SQLite reports damage")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            guard allowReadOnly else { throw StoreError.readOnly(path: path) }
            throw StoreError.cannotRead(path: path, detail: sharing.accessProblem(of: path) ?? "SQLite cannot open it (\(error.message ?? "access denied"))")
        }
    }

    /// Opens an existing, up-to-date database for reading only: no migration, no write of any kind (even SQLite's
    /// own header bookkeeping), so the file stays byte-identical — for dry runs and reports.
    public static func openForReadingOnly(path: String, configuration: DeskConfiguration = .standard,
                                          now: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notADatabase(path: path, detail: "no such file") }
        do {
            let auditOperator = AuditOperator()
            let pool = try DatabasePool(path: path, configuration: makeConfiguration(readOnly: true, auditOperator: auditOperator))
            try checkNotNewer(pool, path: path)
            let pending = try pool.read { db in try !Schema.migrator.hasCompletedMigrations(db) || TicketFiguresSchema.isPending(db) }
            if pending { throw StoreError.notADatabase(path: path, detail: "older than this program: open it once with salesdesk to upgrade it") }
            return AppDatabase(writer: pool, path: path, configuration: configuration, isReadOnly: true, now: now, auditOperator: auditOperator)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.notADatabase(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// The location used when neither `--db` nor `SALESDESK_DB` is given:
    /// `$XDG_DATA_HOME/salesdesk/desk.sqlite` (`~/.local/share/salesdesk/desk.sqlite`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["SALESDESK_DB"], !explicit.isEmpty { return explicit }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        return dataHome + "/salesdesk/desk.sqlite"
    }

    /// The migrations applied to the file, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    private static func makeConfiguration(readOnly: Bool, auditOperator: AuditOperator) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.journalMode = .wal
        config.prepareDatabase { db in
            // WAL + NORMAL: a crash never corrupts the file; a power cut may lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: auditOperator.function)
        }
        return config
    }

    /// SQLite reads a WAL database only if it can open or create the `-shm` file. In a folder the user
    /// cannot write, with no writer running (no `-shm`), the only way in is `immutable=1`: a snapshot, which
    /// is what a read-only viewer of an idle file sees anyway.
    private static func readOnlyOpenPath(_ path: String, folderWritable: Bool, writable: Bool) -> String {
        guard !writable, !folderWritable, !FileManager.default.fileExists(atPath: path + "-shm"),
              let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else { return path }
        return "file:\(encoded)?immutable=1"
    }

    private static func checkNotNewer(_ pool: DatabasePool, path: String) throws {
        let known = Set(Schema.knownMigrations)
        let applied: [String] = try pool.read { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw StoreError.schemaNewerThanBinary(path: path, unknownMigrations: unknown) }
    }

    private static func createParentDirectory(of path: String, sharing: FileSharing) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try sharing.createDirectory(at: directory)
        } catch {
            throw StoreError.cannotCreateDirectory(path: directory, detail: error.localizedDescription)
        }
    }
}
