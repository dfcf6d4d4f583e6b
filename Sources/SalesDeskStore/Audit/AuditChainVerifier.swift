import Foundation
import GRDB
import SalesDeskDomain

/// The result of walking the audit chain: how many entries were checked and the first broken link.
public struct AuditChainReport: Sendable, Equatable {
    /// The first entry whose link does not hold, and why.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public var entryID: Int64
        public var reason: String
        public var description: String { "audit entry #\(entryID): \(reason)" }
    }

    public var entriesChecked: Int
    public var firstBreak: Break?
    /// The newest entry's hash when the chain is intact: write it down somewhere else to detect a later
    /// rewrite of the newest entries too.
    public var headHash: Data?
    /// True when every link holds.
    public var isIntact: Bool { firstBreak == nil }
}

extension AuditHash.Fields {
    /// The columns of an `audit_entry` row.
    init(row: Row) {
        self.init(
            id: row["id"], userID: row["user_id"], at: row["at"], recordKind: row["record_kind"], recordID: row["record_id"],
            action: row["action"], field: row["field"], before: row["before"], after: row["after"],
            operatedBy: row["operated_by"], recordState: row["record_state"])
    }
}

enum AuditChainWalk {
    /// The columns the v5 backfill hashes (a shipped migration reads what existed then).
    static let v5Columns = "id, user_id, at, record_kind, record_id, action, field, before, after, prev_hash, hash"
    /// Every hashed column, as verified now.
    static let columns = v5Columns + ", operated_by, record_state"

    /// Walks every entry in id order and stops at the first link that does not hold.
    static func verify(_ db: Database) throws -> AuditChainReport {
        var previous = AuditHash.genesis
        var previousID: Int64 = 0
        var checked = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM audit_entry ORDER BY id")
        while let row = try rows.next() {
            let fields = AuditHash.Fields(row: row)
            let storedPrevious: Data? = row["prev_hash"]
            let stored: Data? = row["hash"]
            if fields.id != previousID + 1 {
                return AuditChainReport(entriesChecked: checked, firstBreak: .init(
                    entryID: fields.id, reason: "comes after #\(previousID): entries #\(previousID + 1)…#\(fields.id - 1) are missing (deleted)"))
            }
            if storedPrevious != previous {
                return AuditChainReport(entriesChecked: checked, firstBreak: .init(
                    entryID: fields.id, reason: "its link to entry #\(previousID) does not match (an entry was replaced or re-chained)"))
            }
            let expected = AuditHash.hash(previous: previous, fields)
            if stored != expected {
                return AuditChainReport(entriesChecked: checked, firstBreak: .init(
                    entryID: fields.id, reason: "its contents do not match its hash (edited after it was written)"))
            }
            previous = expected
            previousID = fields.id
            checked += 1
        }
        return AuditChainReport(entriesChecked: checked, firstBreak: nil, headHash: checked > 0 ? previous : nil)
    }

    /// Computes `prev_hash` and `hash` for entries written before the chain existed (the "v5: audit hash chain" migration).
    /// Reads in pages of 10,000 so a large log never sits in memory at once.
    static func backfill(_ db: Database) throws {
        var previous = AuditHash.genesis
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT \(v5Columns) FROM audit_entry WHERE id > ? ORDER BY id LIMIT 10000", arguments: [lastID])
            guard let last = rows.last else { return }
            for row in rows {
                let hash = AuditHash.hash(previous: previous, AuditHash.Fields(row: row))
                try db.execute(sql: "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, row["id"] as Int64])
                previous = hash
            }
            lastID = last["id"]
        }
    }
}

extension AppDatabase {
    /// Walks the whole audit chain; ``AuditChainReport/firstBreak`` names the first entry that was
    /// edited, deleted or inserted behind the desk's back.
    public func verifyAuditChain() throws -> AuditChainReport {
        try writer.read { db in try AuditChainWalk.verify(db) }
    }
}
