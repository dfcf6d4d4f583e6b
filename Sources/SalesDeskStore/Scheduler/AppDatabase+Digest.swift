import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The user's newest "while you were away" digest not yet acknowledged, if any.
    public func unacknowledgedDigest(for userID: Int64) throws -> SalesDeskDomain.Notification? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, title, body, created_at FROM notification
                WHERE user_id = ? AND acknowledged_at IS NULL AND kind = 'digest' ORDER BY created_at DESC, id DESC LIMIT 1
                """, arguments: [userID]).map { row in
                Notification(id: row["id"], userID: userID, kind: .digest, record: nil, title: row["title"], body: row["body"],
                             createdAt: Date(epochSeconds: row["created_at"]))
            }
        }
    }
}
