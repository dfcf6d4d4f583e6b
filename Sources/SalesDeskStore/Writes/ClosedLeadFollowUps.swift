import Foundation
import GRDB
import SalesDeskDomain

/// Clears the agenda of a lead that was just won or lost, inside the move's transaction: its planned
/// follow-ups are cancelled (their reminders with them) and the lead's timeline says so once.
enum ClosedLeadFollowUps {
    /// The audit action of the lead's timeline note.
    static let auditAction = "cancel_follow_ups"

    /// Cancels every planned follow-up of `leadID` because it moved to `stageName` (Won or Lost);
    /// returns how many were cancelled.
    @discardableResult
    static func cancel(_ db: Database, leadID: Int64, stageName: String, by userID: Int64?, at: Date) throws -> Int {
        let planned = try Row.fetchAll(db, sql: """
            SELECT id, type, subject FROM activity WHERE record_kind = 'lead' AND record_id = ? AND state = 'planned' ORDER BY due_at, id
            """, arguments: [leadID])
        guard !planned.isEmpty else { return 0 }
        let reason = "The lead was \(stageName.lowercased())"
        var chain = try AuditChainAppender(db)
        for row in planned {
            let activityID: Int64 = row["id"]
            try db.execute(sql: "UPDATE activity SET state = 'cancelled', outcome = ?, completed_at = ? WHERE id = ?",
                           arguments: [reason, at.epochSeconds, activityID])
            try ScheduledWork.cancel(db, .activity(activityID), kinds: [.reminder, .overdue])
            try chain.append(db, AuditEntry(userID: userID, at: at, record: .activity(activityID), action: "cancel", field: "state",
                                            before: ActivityState.planned.rawValue, after: ActivityState.cancelled.rawValue))
        }
        let subjects = planned.map { row -> String in
            let type = ActivityType(rawValue: row["type"])?.label ?? (row["type"] as String)
            return "\(type): \(row["subject"] as String)"
        }
        try chain.append(db, AuditEntry(userID: userID, at: at, record: .lead(leadID), action: auditAction, field: "follow_ups",
                                        before: String(planned.count), after: subjects.joined(separator: "; ")))
        return planned.count
    }
}
