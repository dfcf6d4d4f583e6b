import Foundation
import GRDB
import SalesDeskDomain

/// What `salesdesk audit verify --data` found: records whose current row differs from the state their
/// newest audit entry recorded (changed behind the desk's back), and how many could not be compared.
public struct AuditDataReport: Equatable, Sendable {
    /// A record whose row no longer matches its newest audited state.
    public struct Mismatch: Equatable, Sendable, CustomStringConvertible {
        public var record: RecordReference
        /// The newest audit entry about it.
        public var entryID: Int64
        /// True when the row is gone altogether.
        public var isMissing: Bool
        public var description: String {
            isMissing
                ? "\(record.kind) #\(record.id) was deleted without an audit entry (its last entry is #\(entryID))"
                : "\(record.kind) #\(record.id) differs from its last audited state (entry #\(entryID)): it was changed without an audit entry"
        }
    }

    public var mismatches: [Mismatch]
    /// Records compared.
    public var checked: Int
    /// Leads and tickets whose newest entry records no state (created by a bulk import or the demo
    /// generator, or last changed before "v8: trust"): they are compared from their next audited change on.
    public var notCovered: Int
    /// True when every compared record matches.
    public var isClean: Bool { mismatches.isEmpty }
}

extension AppDatabase {
    /// Compares every lead's and ticket's audited columns (``AuditedState``) with the state its newest
    /// audit entry recorded. One pass over the audit log's record index and one look-up per record.
    public func checkAuditedData() throws -> AuditDataReport {
        try writer.read { db in
            var report = AuditDataReport(mismatches: [], checked: 0, notCovered: 0)
            for kind in AuditedState.columns.keys.sorted() {
                let newest = try Row.fetchCursor(db, sql: """
                    SELECT record_id, id, record_state FROM audit_entry
                    WHERE id IN (SELECT MAX(id) FROM audit_entry WHERE record_kind = ? GROUP BY record_id) ORDER BY record_id
                    """, arguments: [kind])
                while let row = try newest.next() {
                    let record = RecordReference(kind: kind, id: row["record_id"]) ?? .lead(0)
                    guard let recorded: String = row["record_state"] else {
                        report.notCovered += 1
                        continue
                    }
                    report.checked += 1
                    let current = try AuditedState.digest(db, record)
                    if current != recorded {
                        report.mismatches.append(.init(record: record, entryID: row["id"], isMissing: current == nil))
                    }
                }
                let unaudited = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM \(kind) WHERE id NOT IN (SELECT record_id FROM audit_entry WHERE record_kind = ?)
                    """, arguments: [kind]) ?? 0
                report.notCovered += unaudited
            }
            return report
        }
    }
}
