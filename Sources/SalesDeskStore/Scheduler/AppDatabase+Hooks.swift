import Foundation
import GRDB
import SalesDeskDomain

/// A notification waiting to be handed to a hook command.
public struct HookDelivery: Equatable, Sendable {
    public var id: Int64
    public var hook: String
    /// Attempts made before this one.
    public var attempts: Int
    /// What the hook receives.
    public var notification: HookPayload
}

/// The notification as a hook sees it: the JSON on its standard input (snake_case keys).
public struct HookPayload: Codable, Equatable, Sendable {
    public var id: Int64
    public var user: String
    public var kind: String
    public var title: String
    public var body: String
    public var recordKind: String?
    public var recordID: Int64?
    public var createdAt: String
}

/// A hook delivery that gave up, or is waiting to retry after a failure.
public struct HookFailure: Codable, Equatable, Sendable {
    public var hook: String
    public var notificationID: Int64
    public var attempts: Int
    public var lastError: String
    /// Nil when attempts are used up.
    public var nextAttemptAt: Date?
}

extension AppDatabase {
    /// Queues every notification newer than each hook's cursor for that hook. A hook seen for the first
    /// time starts after the newest notification at that moment (history is not replayed).
    public func enqueueHookDeliveries(hooks: [String], now: Date) throws {
        guard !hooks.isEmpty else { return }
        try writer.write { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM notification") ?? 0
            for hook in hooks {
                let name = "hook:\(hook)"
                guard let cursor = try Int64.fetchOne(db, sql: "SELECT value FROM scheduler_cursor WHERE name = ?", arguments: [name]) else {
                    try db.execute(sql: "INSERT INTO scheduler_cursor (name, value) VALUES (?, ?)", arguments: [name, newest])
                    continue
                }
                guard cursor < newest else { continue }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO hook_delivery (hook, notification_id, next_attempt_at)
                    SELECT ?, id, ? FROM notification WHERE id > ? AND id <= ? ORDER BY id
                    """, arguments: [hook, now.epochSeconds, cursor, newest])
                try db.execute(sql: "UPDATE scheduler_cursor SET value = ? WHERE name = ?", arguments: [newest, name])
            }
        }
    }

    /// The hooks that have deliveries due and unclaimed at `now`.
    public func pendingHookNames(claimer: String, now: Date) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT hook FROM hook_delivery WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?1
                AND (lease_until IS NULL OR lease_until <= ?1) ORDER BY hook
                """, arguments: [now.epochSeconds])
        }
    }

    /// Claims due hook deliveries (leased like jobs, so a delivery runs once at a time across schedulers),
    /// of one hook when `hook` is given.
    public func claimHookDeliveries(claimer: String, now: Date, lease: TimeInterval, limit: Int = 100, hook: String? = nil) throws -> [HookDelivery] {
        try writer.write { db in
            let ids = try Int64.fetchAll(db, sql: """
                UPDATE hook_delivery SET claimed_by = ?1, lease_until = ?2
                WHERE id IN (
                    SELECT id FROM hook_delivery WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?3
                    AND (lease_until IS NULL OR lease_until <= ?3) AND (?5 IS NULL OR hook = ?5) ORDER BY next_attempt_at LIMIT ?4)
                RETURNING id
                """, arguments: [claimer, now.addingTimeInterval(lease).epochSeconds, now.epochSeconds, limit, hook])
            guard !ids.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT hook_delivery.id, hook, attempts, notification_id, user.handle, notification.kind, title, body, record_kind, record_id,
                       notification.created_at
                FROM hook_delivery JOIN notification ON notification.id = notification_id JOIN user ON user.id = notification.user_id
                WHERE hook_delivery.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY hook_delivery.id
                """).map { row in
                HookDelivery(id: row["id"], hook: row["hook"], attempts: row["attempts"], notification: HookPayload(
                    id: row["notification_id"], user: row["handle"], kind: row["kind"], title: row["title"], body: row["body"],
                    recordKind: row["record_kind"], recordID: row["record_id"], createdAt: Date(epochSeconds: row["created_at"]).ISO8601Format()))
            }
        }
    }

    /// Records a delivery attempt: delivered, or failed with `error` and retried at `retryAt` (nil: give up).
    public func recordHookAttempt(_ deliveryID: Int64, claimer: String, now: Date, error: String?, retryAt: Date?) throws {
        try writer.write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE hook_delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                        failed_at = CASE WHEN ? IS NULL THEN ? END, claimed_by = NULL, lease_until = NULL
                    WHERE id = ? AND claimed_by = ?
                    """, arguments: [String(error.prefix(500)), retryAt?.epochSeconds, retryAt?.epochSeconds, now.epochSeconds, deliveryID, claimer])
            } else {
                try db.execute(sql: """
                    UPDATE hook_delivery SET attempts = attempts + 1, delivered_at = ?, claimed_by = NULL, lease_until = NULL
                    WHERE id = ? AND claimed_by = ?
                    """, arguments: [now.epochSeconds, deliveryID, claimer])
            }
        }
    }

    /// Deliveries that failed: given up, or waiting for a retry; newest first.
    public func hookFailures(limit: Int = 20) throws -> [HookFailure] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT hook, notification_id, attempts, last_error, failed_at, next_attempt_at FROM hook_delivery
                WHERE last_error IS NOT NULL AND delivered_at IS NULL ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                HookFailure(hook: row["hook"], notificationID: row["notification_id"], attempts: row["attempts"], lastError: row["last_error"],
                            nextAttemptAt: (row["failed_at"] as Int64?) == nil ? Date(epochSeconds: row["next_attempt_at"]) : nil)
            }
        }
    }
}
