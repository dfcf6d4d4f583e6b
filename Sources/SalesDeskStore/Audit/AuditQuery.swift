import Foundation
import GRDB
import SalesDeskDomain

/// Which audit entries `salesdesk audit log` shows: all filters optional, newest first.
public struct AuditQuery: Sendable {
    public var record: RecordReference?
    public var userID: Int64?
    public var since: Date?
    public var limit: Int

    public init(record: RecordReference? = nil, userID: Int64? = nil, since: Date? = nil, limit: Int = 100) {
        self.record = record
        self.userID = userID
        self.since = since
        self.limit = limit
    }
}

extension AppDatabase {
    /// Audit entries matching `query`, newest first (served by the record, user and time indexes).
    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let record = query.record {
            conditions.append("record_kind = ? AND record_id = ?")
            arguments += [record.kind, record.id]
        }
        if let userID = query.userID {
            conditions.append("user_id = ?")
            arguments += [userID]
        }
        if let since = query.since {
            conditions.append("at >= ?")
            arguments += [since.epochSeconds]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [query.limit]
        return try writer.read { db in
            try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_entry \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments)
        }
    }
}
