import Foundation
import GRDB
import SalesDeskDomain

/// Writes notification rows inside the caller's transaction.
enum Notifications {
    /// Adds a notification; with a `dedupeKey`, a second one with the same key is silently skipped.
    @discardableResult
    static func send(
        _ db: Database, to userID: Int64, kind: SalesDeskDomain.Notification.Kind, record: RecordReference?,
        title: String, body: String = "", at: Date, dedupeKey: String? = nil
    ) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO notification (user_id, kind, record_kind, record_id, title, body, created_at, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
            """).execute(arguments: [userID, kind.rawValue, record?.kind, record?.id, title, body, at.epochSeconds, dedupeKey])
        return db.changesCount > 0
    }
}

extension AppDatabase {
    /// Marks a notification acknowledged (it leaves the inbox's unread count).
    public func acknowledgeNotification(_ id: Int64, by user: User) throws {
        let at = now()
        try writer.write { db in
            try db.execute(sql: "UPDATE notification SET read_at = COALESCE(read_at, ?), acknowledged_at = ? WHERE id = ? AND user_id = ?",
                           arguments: [at.epochSeconds, at.epochSeconds, id, user.id])
        }
    }

    /// Hides a notification until `until`.
    public func snoozeNotification(_ id: Int64, until: Date, by user: User) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE notification SET snoozed_until = ? WHERE id = ? AND user_id = ?",
                           arguments: [until.epochSeconds, id, user.id])
        }
    }
}
