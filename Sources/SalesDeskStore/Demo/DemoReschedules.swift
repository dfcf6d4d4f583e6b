import GRDB

/// Some demo follow-ups were moved once before their final due time, with the reasons reps give, so the activity
/// report's reschedules and their reasons are not empty on the demo. Chosen by id (no random draws, so the rest of
/// the demo stays the same for a seed): every seventh follow-up, moved from one to three days earlier.
enum DemoReschedules {
    static let reasons = ["Customer asked to move it", "Travelling", "Waiting for the customer's numbers", "Double-booked", "Public holiday"]

    /// `now`: the demo's instant in seconds; no reschedule is dated after it.
    static func insert(_ db: Database, now: Int64) throws {
        let reasonCase = reasons.enumerated().map { "WHEN \($0.offset) THEN '\($0.element.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: " ")
        try db.execute(sql: """
            INSERT INTO activity_reschedule (activity_id, from_due_at, to_due_at, reason, user_id, at)
            SELECT id, due_at - 86400 * (1 + id % 3), due_at, CASE (id / 7) % \(reasons.count) \(reasonCase) END, owner_id,
                   MIN(?, MAX(created_at, due_at - 86400 * (1 + id % 3) - 3600 * (1 + id % 20)))
            FROM activity WHERE id % 7 = 0
            """, arguments: [now])
    }
}
