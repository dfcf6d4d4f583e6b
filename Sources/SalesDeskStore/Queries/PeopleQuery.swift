import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Every user, by handle.
    public func users() throws -> [User] {
        try writer.read { db in try User.fetchAll(db, sql: "SELECT * FROM user ORDER BY handle") }
    }

    /// The user with this handle (case-insensitive), if any.
    public func user(handle: String) throws -> User? {
        try writer.read { db in try User.fetchOne(db, sql: "SELECT * FROM user WHERE handle = ? COLLATE NOCASE", arguments: [handle]) }
    }

    /// The user with this id, if any.
    public func user(id: Int64) throws -> User? {
        try writer.read { db in try User.fetchOne(db, id: id) }
    }

    /// Every team, by name.
    public func teams() throws -> [Team] {
        try writer.read { db in try Team.fetchAll(db, sql: "SELECT * FROM team ORDER BY name") }
    }

    /// Ids of the active users on a team.
    public func memberIDs(ofTeam teamID: Int64) throws -> [Int64] {
        try writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE team_id = ? AND is_active ORDER BY id", arguments: [teamID]) }
    }

    /// A user's unacknowledged, unsnoozed notifications, newest first.
    public func inbox(for user: User, at now: Date, limit: Int = 100) throws -> [SalesDeskDomain.Notification] {
        try writer.read { db in
            try SalesDeskDomain.Notification.fetchAll(db, sql: """
                SELECT * FROM notification WHERE user_id = ? AND acknowledged_at IS NULL AND (snoozed_until IS NULL OR snoozed_until <= ?)
                ORDER BY created_at DESC, id DESC LIMIT ?
                """, arguments: [user.id, now.epochSeconds, limit])
        }
    }

    /// How many notifications wait in a user's inbox.
    public func unreadCount(for user: User, at now: Date) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM notification WHERE user_id = ? AND acknowledged_at IS NULL AND (snoozed_until IS NULL OR snoozed_until <= ?)
                """, arguments: [user.id, now.epochSeconds]) ?? 0
        }
    }
}
