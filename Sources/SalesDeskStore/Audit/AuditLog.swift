import Foundation
import GRDB
import SalesDeskDomain

/// Appends audit entries inside the transaction of the write they describe, each chained to the one
/// before it by ``AuditHash``.
enum AuditLog {
    /// A field change: its name and its value before and after, as text.
    struct Change {
        var field: String
        var before: String?
        var after: String?
    }

    /// Records that `record` was created.
    static func created(_ db: Database, _ record: RecordReference, by userID: Int64?, at: Date, summary: String) throws {
        var chain = try AuditChainAppender(db, recordingState: true)
        try chain.append(db, AuditEntry(userID: userID, at: at, record: record, action: "create", after: summary))
    }

    /// Records one entry per change that really changed something.
    static func changed(_ db: Database, _ record: RecordReference, action: String, by userID: Int64?, at: Date, _ changes: [Change]) throws {
        var chain = try AuditChainAppender(db, recordingState: true)
        for change in changes where change.before != change.after {
            try chain.append(db, AuditEntry(userID: userID, at: at, record: record, action: action, field: change.field,
                                            before: change.before, after: change.after))
        }
    }
}

/// Appends chained audit entries within one write transaction, keeping the running hash so bulk paths
/// (the demo generator, import batches) pay one SHA-256 per entry and no extra reads.
///
/// Writes hold SQLite's write lock (`BEGIN IMMEDIATE`) from their first statement, so reading the
/// chain's last entry here is safe across processes: no other writer can append in between.
///
/// ```swift
/// try database.writer.write { db in
///     var chain = try AuditChainAppender(db)
///     for entry in entries { try chain.append(db, entry) }
/// }
/// ```
public struct AuditChainAppender {
    private var lastID: Int64
    private var lastHash: Data
    private let operatedBy: String?
    private let recordingState: Bool

    /// Reads the chain's last entry; must run inside the write transaction that appends.
    ///
    /// - Parameter recordingState: store each lead's and ticket's ``AuditedState`` digest (named writes do;
    ///   the bulk paths, which would pay a read per row, do not, and `audit verify --data` counts those
    ///   records as not covered until their next audited change).
    public init(_ db: Database, recordingState: Bool = false) throws {
        operatedBy = try AuditOperator.current(db)
        self.recordingState = recordingState
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")) {
            lastID = row["id"]
            lastHash = row["hash"] ?? AuditHash.genesis
        } else {
            lastID = 0
            lastHash = AuditHash.genesis
        }
    }

    /// Appends `entry` (its `id` is ignored: entries are numbered in chain order) and returns its id.
    @discardableResult
    public mutating func append(_ db: Database, _ entry: AuditEntry) throws -> Int64 {
        let id = lastID + 1
        let fields = AuditHash.Fields(
            id: id, userID: entry.userID, at: entry.at.epochSeconds, recordKind: entry.record.kind, recordID: entry.record.id,
            action: entry.action, field: entry.field, before: entry.before, after: entry.after,
            operatedBy: operatedBy, recordState: recordingState ? try AuditedState.digest(db, entry.record) : nil)
        let hash = AuditHash.hash(previous: lastHash, fields)
        try db.cachedStatement(sql: """
            INSERT INTO audit_entry (id, user_id, at, record_kind, record_id, action, field, before, after, prev_hash, hash,
                                     operated_by, record_state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id, fields.userID, fields.at, fields.recordKind, fields.recordID, fields.action, fields.field, fields.before,
                fields.after, lastHash, hash, fields.operatedBy, fields.recordState,
            ])
        lastID = id
        lastHash = hash
        return id
    }
}
