import Foundation
import GRDB
import SalesDeskDomain

extension Activity: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "activity"

    public init(row: Row) throws {
        let kind: String? = row["record_kind"]
        let recordID: Int64? = row["record_id"]
        self.init(
            id: row["id"], type: ActivityType(rawValue: row["type"]) ?? .task, subject: row["subject"],
            notes: row["notes"], dueAt: Date(epochSeconds: row["due_at"]), durationMinutes: row["duration_minutes"],
            ownerID: row["owner_id"], record: kind.flatMap { kind in recordID.flatMap { RecordReference(kind: kind, id: $0) } },
            state: ActivityState(rawValue: row["state"]) ?? .planned, outcome: row["outcome"],
            completedAt: (row["completed_at"] as Int64?).date, createdAt: Date(epochSeconds: row["created_at"]))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["type"] = type.rawValue
        container["subject"] = subject
        container["notes"] = notes
        container["due_at"] = dueAt.epochSeconds
        container["duration_minutes"] = durationMinutes
        container["owner_id"] = ownerID
        container["record_kind"] = record?.kind
        container["record_id"] = record?.id
        container["state"] = state.rawValue
        container["outcome"] = outcome
        container["completed_at"] = completedAt.epochSeconds
        container["created_at"] = createdAt.epochSeconds
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SalesDeskDomain.Notification: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "notification"

    public init(row: Row) throws {
        let kind: String? = row["record_kind"]
        let recordID: Int64? = row["record_id"]
        self.init(
            id: row["id"], userID: row["user_id"], kind: Kind(rawValue: row["kind"]) ?? .reminder,
            record: kind.flatMap { kind in recordID.flatMap { RecordReference(kind: kind, id: $0) } },
            title: row["title"], body: row["body"], createdAt: Date(epochSeconds: row["created_at"]),
            readAt: (row["read_at"] as Int64?).date, acknowledgedAt: (row["acknowledged_at"] as Int64?).date,
            snoozedUntil: (row["snoozed_until"] as Int64?).date)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["user_id"] = userID
        container["kind"] = kind.rawValue
        container["record_kind"] = record?.kind
        container["record_id"] = record?.id
        container["title"] = title
        container["body"] = body
        container["created_at"] = createdAt.epochSeconds
        container["read_at"] = readAt.epochSeconds
        container["acknowledged_at"] = acknowledgedAt.epochSeconds
        container["snoozed_until"] = snoozedUntil.epochSeconds
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Audit entries are read as records but written only by ``AuditChainAppender``, which numbers and
/// hashes them: there is deliberately no `insert` that could append an unchained entry.
extension AuditEntry: FetchableRecord, TableRecord {
    public static let databaseTableName = "audit_entry"

    public init(row: Row) throws {
        self.init(
            id: row["id"], userID: row["user_id"], at: Date(epochSeconds: row["at"]),
            record: RecordReference(kind: row["record_kind"], id: row["record_id"]) ?? .lead(0),
            action: row["action"], field: row["field"], before: row["before"], after: row["after"], operatedBy: row["operated_by"])
    }
}
