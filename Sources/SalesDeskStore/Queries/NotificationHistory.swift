import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// A user's acknowledged notifications, most recently acknowledged first: the inbox's "Earlier" list.
    ///
    /// Keyset-paged on `(acknowledged_at, id)` through the `notification_inbox` index; acknowledging never
    /// deletes, so the history is complete.
    ///
    /// ```swift
    /// let earlier = try database.acknowledgedNotifications(for: ana)
    /// let more = try database.acknowledgedNotifications(for: ana, after: earlier.next)
    /// ```
    public func acknowledgedNotifications(for user: User, after cursor: PageCursor? = nil, limit: Int = 50) throws -> Page<SalesDeskDomain.Notification> {
        let keyset = KeysetClause(sortColumn: "acknowledged_at", idColumn: "id", descending: true)
        let page = keyset.whereSQL(after: cursor)
        var arguments: StatementArguments = [user.id]
        arguments += page.arguments
        arguments += [limit]
        return try writer.read { db in
            let rows = try SalesDeskDomain.Notification.fetchAll(db, sql: """
                SELECT * FROM notification WHERE user_id = ? AND acknowledged_at IS NOT NULL AND \(page.sql)
                ORDER BY \(keyset.orderSQL) LIMIT ?
                """, arguments: arguments)
            let next = rows.count == limit ? rows.last.flatMap { row in
                row.acknowledgedAt.map { PageCursor(sortValue: .integer($0.epochSeconds), id: row.id ?? 0) }
            } : nil
            return Page(rows: rows, next: next)
        }
    }

    /// The items a digest notification stands for ("While you were away: …"), in the order they were found;
    /// each names its record so the inbox can open it. Empty for other notifications.
    public func digestItems(of notificationID: Int64) throws -> [AwayDigest.Item] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, record_kind, record_id, title FROM notification_item WHERE notification_id = ? ORDER BY position
                """, arguments: [notificationID]).compactMap { row in
                guard let kind = SalesDeskDomain.Notification.Kind(rawValue: row["kind"]) else { return nil }
                let record = (row["record_kind"] as String?).flatMap { RecordReference(kind: $0, id: row["record_id"]) }
                return AwayDigest.Item(kind: kind, record: record, title: row["title"])
            }
        }
    }
}

extension Notifications {
    /// Writes a digest notification and one `notification_item` row per missed item.
    static func sendDigest(_ db: Database, to userID: Int64, _ digest: AwayDigest, at: Date) throws {
        guard try send(db, to: userID, kind: .digest, record: nil, title: digest.title, body: digest.body, at: at) else { return }
        let notificationID = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO notification_item (notification_id, position, kind, record_kind, record_id, title) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, item) in digest.items.enumerated() {
            try insert.execute(arguments: [notificationID, position, item.kind.rawValue, item.record?.kind, item.record?.id, item.title])
        }
    }
}
