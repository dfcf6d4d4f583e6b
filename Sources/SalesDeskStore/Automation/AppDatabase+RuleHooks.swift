import Foundation
import GRDB

/// A rule's `run hook` waiting to run: which hook, and the firing as JSON.
public struct RuleHookDelivery: Equatable, Sendable {
    public var id: Int64
    public var runID: Int64
    public var rule: String
    public var hook: String
    /// Attempts made before this one.
    public var attempts: Int
    public var payload: String
}

extension AppDatabase {
    /// Claims due `run hook` deliveries (leased like scheduler jobs, so two schedulers never run one twice at once).
    public func claimRuleHookDeliveries(claimer: String, now: Date, lease: TimeInterval) throws -> [RuleHookDelivery] {
        try writer.write { db in
            try Row.fetchAll(db, sql: """
                UPDATE automation_hook SET claimed_by = ?, lease_until = ?
                WHERE id IN (SELECT id FROM automation_hook WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?
                             AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at LIMIT 100)
                RETURNING id, run_id, hook, attempts, payload,
                          (SELECT name FROM automation_rule WHERE id = (SELECT rule_id FROM automation_run WHERE id = run_id)) AS rule
                """, arguments: [claimer, now.addingTimeInterval(lease).epochSeconds, now.epochSeconds, now.epochSeconds]).map { row in
                RuleHookDelivery(id: row["id"], runID: row["run_id"], rule: row["rule"] ?? "", hook: row["hook"], attempts: row["attempts"], payload: row["payload"])
            }
        }
    }

    /// Records one attempt; a failure also marks the run failed (or retrying) with the hook's error, for `rules runs --failed`.
    public func recordRuleHookAttempt(_ delivery: RuleHookDelivery, claimer: String, now: Date, error: String?, retryAt: Date?) throws {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE automation_hook SET attempts = attempts + 1, error = ?, delivered_at = ?, next_attempt_at = ?, claimed_by = NULL, lease_until = NULL
                WHERE id = ? AND claimed_by = ?
                """, arguments: [error, error == nil ? now.epochSeconds : nil, error == nil ? nil : retryAt?.epochSeconds, delivery.id, claimer])
            guard db.changesCount > 0, let error else { return }
            let outcome = retryAt == nil ? "failed" : "retrying"
            try db.execute(sql: """
                UPDATE automation_run SET outcome = ?, error = ?, attempts = ? WHERE id = ?
                """, arguments: [outcome, "hook \"\(delivery.hook)\": \(error)" + (retryAt.map { ", next try at \(ISO8601.instant($0))" } ?? ""),
                                 delivery.attempts + 1, delivery.runID])
        }
    }
}
