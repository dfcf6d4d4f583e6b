import Crypto
import Foundation
import GRDB
import SalesDeskDomain

/// Imports leads from a CSV or XLSX file: maps headers, validates each row, dedupes, assigns, scores,
/// schedules first follow-ups and commits in batches.
///
/// Each batch is one `IMMEDIATE` transaction that also advances the run's `import_run.rows_done` and
/// appends one `import_batch` audit entry, so a crash or Ctrl-C leaves exactly the committed batches.
/// Re-running the same file with ``DuplicatePolicy/skip`` resumes the unfinished run after its last
/// committed row. When the run finishes, each owner who received leads gets one notification.
///
/// ```swift
/// let reader = try ImportFile.open(path: "hubspot.csv")
/// let importer = LeadImporter(database: database, user: ana, options: ImportOptions())
/// let mapping = try importer.mapping(for: reader)
/// let summary = try importer.run(reader, mapping: mapping, file: ImportFingerprint(path: "hubspot.csv"))
/// ```
public struct LeadImporter {
    public let database: AppDatabase
    public let user: User
    public let options: ImportOptions

    public init(database: AppDatabase, user: User, options: ImportOptions) {
        self.database = database
        self.user = user
        self.options = options
    }

    /// The header mapping the import will use: auto-detected, then `--map` overrides.
    public func mapping(for reader: any ImportRowReader) throws -> HeaderMapping {
        try HeaderMapping.detect(headers: reader.headers, overrides: options.mapOverrides)
    }

    /// Runs the import. `rejected` receives each rejected row; `progress` the running summary and fraction read after each batch.
    public func run(
        _ reader: any ImportRowReader, mapping: HeaderMapping, file: ImportFingerprint,
        rejected: (RowProblem) throws -> Void = { _ in }, progress: (ImportSummary, Double) -> Void = { _, _ in }
    ) throws -> ImportSummary {
        // Importing is an admin's job (the permission table); a dry run writes nothing and is open to all.
        if !options.dryRun { try database.writer.read { db in try database.require(db, .importRecords, by: user) } }
        let settings = database.configuration.importing
        let batchSize = options.batchSize ?? settings.batchSize
        let validator = ImportRowValidator(
            mapping: mapping, pipeline: database.configuration.pipeline, defaultCountryCode: database.configuration.defaultCountryCode,
            defaultCurrency: database.configuration.defaultCurrency, defaultSource: settings.defaultSource, forcedSource: options.forcedSource,
            phoneRegion: options.phoneRegion)
        let directory = try database.writer.read { db in try ImportDirectory(db) }
        let at = database.now()
        // Resolved before the run starts: an unknown --owner stops it before anything is written.
        var run = try RunState(importer: self, directory: directory, at: at)
        var summary = ImportSummary()
        let (runID, resumeAfter) = try options.dryRun ? (nil, 0) : startRun(file, at: at)
        summary.runID = runID
        run.runID = runID
        if !options.dryRun { try ImportTuning.begin(database) }
        defer { if !options.dryRun { ImportTuning.end(database) } }
        // Reading and validating run on a second thread, up to two chunks ahead of this one, which writes;
        // chunks are small so that little besides the batch being written is held in memory.
        let source = ValidatedBatches(reader: reader, validator: validator, batchSize: batchSize, chunkSize: Self.chunkSize, resumeAfter: resumeAfter)
        let chunks = BackgroundBatches(capacity: 2) { try source.next() }
        defer { chunks.stop() }
        var next = try chunks.next()
        while let first = next {
            let before = summary
            var last = first
            let write = { (db: Database) throws -> ImportSummary in
                try self.writeBatch(db, from: first, chunks: chunks, summary: before, run: &run, last: &last, rejected: rejected)
            }
            summary = try options.dryRun ? database.writer.read(write) : database.writer.write(write)
            progress(summary, last.fractionRead)
            next = last.isLast ? nil : try chunks.next()
        }
        summary.perOwner = Dictionary(uniqueKeysWithValues: run.ownerCounts.map { (directory.handleByID[$0.key] ?? "#\($0.key)", $0.value) })
        summary.unknownOwners = run.unknownOwners
        summary.fallbackOwner = run.fallbackOwner.flatMap { directory.handleByID[$0] }
            ?? "the [import] assignment rules, else the default owner, else \(user.handle)"
        if let runID { try finishRun(runID, file: file, ownerCounts: run.ownerCounts, at: at) }
        return summary
    }

    /// What one run carries from batch to batch: who gets leads, how many each got, and (dry runs) the keys seen.
    private struct RunState {
        let directory: ImportDirectory
        let at: Date
        /// The `import_run` row (nil in a dry run).
        var runID: Int64?
        let forcedOwner: Int64?
        /// `--owner-fallback`: who gets leads whose owner cell names no desk user.
        let fallbackOwner: Int64?
        /// Owner cells naming no desk user, and their lead counts.
        var unknownOwners: [String: Int] = [:]
        let reminderPlan: (Int64) -> ReminderPlan
        var picker: OwnerPicker
        var ownerCounts: [Int64: Int] = [:]
        var dryRunKeys = Set<String>()

        init(importer: LeadImporter, directory: ImportDirectory, at: Date) throws {
            let configuration = importer.database.configuration
            self.directory = directory
            self.at = at
            forcedOwner = try importer.options.ownerHandle.map { handle in
                guard let owner = directory.user(named: handle) else { throw DomainError.notFound("Active user '\(handle)'") }
                return owner.id!
            }
            fallbackOwner = try importer.options.ownerFallback.map { handle in
                guard let owner = directory.user(named: handle) else { throw DomainError.notFound("Active user '\(handle)' (--owner-fallback)") }
                return owner.id!
            }
            // Each owner's plan is looked up once here, not once per imported follow-up.
            let plans = directory.handleByID.mapValues { configuration.reminderPlan(forHandle: $0) }
            reminderPlan = { owner in plans[owner] ?? configuration.reminderPlan }
            picker = OwnerPicker(rules: configuration.importing.assignment, users: directory.handles, teams: directory.teams,
                                 loads: directory.openLoads, fallback: importer.user.id!)
        }
    }

    /// One batch in the caller's transaction: the chunks from `first` to the one that ends the batch
    /// (left in `last`), then the board totals, the run's progress and the batch's audit entry.
    private func writeBatch(
        _ db: Database, from first: ValidatedBatch, chunks: BackgroundBatches<ValidatedBatch>, summary before: ImportSummary,
        run: inout RunState, last: inout ValidatedBatch, rejected: (RowProblem) throws -> Void
    ) throws -> ImportSummary {
        var result = before
        var writer = try ImportBatchWriter(
            db, policy: options.onDuplicate, dryRun: options.dryRun, at: run.at, userID: user.id!,
            followUps: try BuiltInBehaviours.firstFollowUps(database.configuration.importing.firstFollowUp, db), reminderPlan: run.reminderPlan,
            overdueEscalation: database.configuration.scheduler.overdueEscalationSeconds)
        writer.seenKeys = run.dryRunKeys
        var chunk = first
        while true {
            try Self.count(chunk, into: &result, rejected: rejected)
            for row in chunk.rows {
                let outcome = try writer.write(row, ownerID: owner(for: row.lead, run: &run))
                switch outcome {
                case .skipped: result.skipped += 1
                case .merged: result.merged += 1
                case .imported(let owner, let possibleDuplicate):
                    result.imported += 1
                    run.ownerCounts[owner, default: 0] += 1
                    if possibleDuplicate { result.possibleDuplicates += 1 }
                    if !row.lead.flags.isEmpty { result.flagged += 1 }
                }
            }
            guard !chunk.endsBatch, let next = try chunks.next() else { break }
            chunk = next
        }
        last = chunk
        try writer.finish()
        run.dryRunKeys = writer.seenKeys
        if let runID = run.runID {
            try recordBatch(db, runID: runID, rowsDone: chunk.rowsDone, summary: result, before: before, firstRow: first.firstRow, at: run.at)
        }
        return result
    }

    /// Rows read and validated ahead of the writer at a time.
    static let chunkSize = 500

    /// Adds a chunk's reading to the summary: rows read, rows an earlier run committed, rejects (each passed to `rejected`).
    private static func count(_ chunk: ValidatedBatch, into summary: inout ImportSummary, rejected: (RowProblem) throws -> Void) throws {
        summary.read += chunk.read
        summary.skipped += chunk.resumed
        summary.resumedRows += chunk.resumed
        summary.blankRows = chunk.blankRows
        summary.stoppedEarly = chunk.stoppedEarly ?? summary.stoppedEarly
        for problem in chunk.rejected { try rejected(problem) }
        summary.firstRejections += chunk.rejected.prefix(ImportSummary.firstRejectionsKept - summary.firstRejections.count)
        summary.rejected += chunk.rejected.count
    }

    private func owner(for lead: ImportedLead, run: inout RunState) -> Int64 {
        if let forced = run.forcedOwner { return forced }
        if !options.assignByRules, let text = lead.ownerText {
            if let named = run.directory.user(named: text) { return named.id! }
            run.unknownOwners[text, default: 0] += 1
            if let fallback = run.fallbackOwner { return fallback }
        }
        return run.picker.pick(for: lead)
    }

    /// Resumes the unfinished run of the same file (skip policy only), or starts a new one.
    private func startRun(_ file: ImportFingerprint, at: Date) throws -> (Int64, Int) {
        try database.writer.write { db in
            if options.onDuplicate == .skip, let row = try Row.fetchOne(db, sql: """
                SELECT id, rows_done FROM import_run WHERE fingerprint = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [file.fingerprint]) {
                return (row["id"], row["rows_done"])
            }
            try db.execute(sql: "INSERT INTO import_run (file_name, fingerprint, user_id, started_at) VALUES (?, ?, ?, ?)",
                           arguments: [file.name, file.fingerprint, user.id, at.epochSeconds])
            return (db.lastInsertedRowID, 0)
        }
    }

    private func recordBatch(_ db: Database, runID: Int64, rowsDone: Int, summary: ImportSummary, before: ImportSummary, firstRow: Int, at: Date) throws {
        try db.execute(sql: """
            UPDATE import_run SET rows_done = ?, imported = imported + ?, merged = merged + ?, skipped = skipped + ?, rejected = rejected + ?
            WHERE id = ?
            """, arguments: [rowsDone, summary.imported - before.imported, summary.merged - before.merged,
                             // Rows a resumed run skips were already counted by the run that committed them.
                             summary.skipped - before.skipped - (summary.resumedRows - before.resumedRows),
                             summary.rejected - before.rejected, runID])
        var chain = try AuditChainAppender(db)
        try chain.append(db, AuditEntry(userID: user.id, at: at, record: .importRun(runID), action: "import_batch", after: """
            from row \(firstRow): \(summary.imported - before.imported) imported, \(summary.merged - before.merged) merged, \
            \(summary.skipped - before.skipped) skipped, \(summary.rejected - before.rejected) rejected
            """))
    }

    private func finishRun(_ runID: Int64, file: ImportFingerprint, ownerCounts: [Int64: Int], at: Date) throws {
        try database.writer.write { db in
            try db.execute(sql: "UPDATE import_run SET finished_at = ? WHERE id = ?", arguments: [database.now().epochSeconds, runID])
            for (owner, count) in ownerCounts.sorted(by: { $0.key < $1.key }) where count > 0 {
                try Notifications.send(db, to: owner, kind: .importSummary, record: nil,
                                       title: "\(count) new lead\(count == 1 ? "" : "s") from \(file.name)",
                                       body: "Imported by \(user.handle); see your New queue.", at: at,
                                       dedupeKey: "import:\(runID):\(owner)")
            }
        }
    }
}

/// Identifies an import file across runs: its name, size and a SHA-256 of its whole content, read
/// 1 MB at a time (a rewritten file of the same size is another file, whatever its first megabyte).
public struct ImportFingerprint: Sendable {
    public let name: String
    public let fingerprint: String

    public init(path: String) {
        name = (path as NSString).lastPathComponent
        var hash = SHA256()
        var size = 0
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hash.update(data: chunk)
                size += chunk.count
            }
        }
        fingerprint = "\(size):" + hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Connection settings for the length of an import: a 48 MB page cache keeps the indexes being
/// updated in memory (peak RSS stays under 100 MB), and checkpoints run every 64 MB of WAL instead of 4 MB
/// (index pages dirtied by several batches are copied to the database once per checkpoint; 1M-row
/// benchmark 8 % faster than at 16 MB). The WAL file may grow to about 64 MB during an import.
/// Statement journals stay in memory (`temp_store`): a statement that may abort half-way copies every
/// page it touches that the batch already dirtied, and with a temporary file each copy was a write call.
/// Durability is unchanged: WAL with `synchronous = NORMAL`, one commit per batch.
enum ImportTuning {
    static func begin(_ database: AppDatabase) throws {
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -49152; PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY")
        }
    }

    static func end(_ database: AppDatabase) {
        try? database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA temp_store = DEFAULT")
        }
    }
}
