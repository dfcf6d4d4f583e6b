import Foundation
import GRDB
import SalesDeskDomain

/// Appends audit entries inside the transaction of the write they describe.
enum AuditLog {
    /// A field change: its name and its value before and after, as text.
    struct Change {
        var field: String
        var before: String?
        var after: String?
    }

    /// Records that `record` was created.
    static func created(_ db: Database, _ record: RecordReference, by userID: Int64?, at: Date, summary: String) throws {
        var entry = AuditEntry(userID: userID, at: at, record: record, action: "create", after: summary)
        try entry.insert(db)
    }

    /// Records one entry per change that really changed something.
    static func changed(_ db: Database, _ record: RecordReference, action: String, by userID: Int64?, at: Date, _ changes: [Change]) throws {
        for change in changes where change.before != change.after {
            var entry = AuditEntry(userID: userID, at: at, record: record, action: action, field: change.field, before: change.before, after: change.after)
            try entry.insert(db)
        }
    }
}
