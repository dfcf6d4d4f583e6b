import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Follow-ups of the scope due in the period, with their reschedule reasons.
    public func activityFacts(_ request: ReportRequest, scope: ReportScope) throws -> [ActivityFact] {
        var sql = ReportSQL()
        sql.owners(scope, column: "a.owner_id")
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.owner_id, u.name AS owner_name, a.type, a.state, a.due_at, a.completed_at,
                       (SELECT group_concat(r.reason, char(31)) FROM activity_reschedule r WHERE r.activity_id = a.id) AS reasons
                FROM activity a JOIN user u ON u.id = a.owner_id
                WHERE a.due_at >= ? AND a.due_at < ?\(sql.clause)
                """, arguments: [request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            .compactMap { row in
                guard let type = ActivityType(rawValue: row["type"]), let state = ActivityState(rawValue: row["state"]) else { return nil }
                return ActivityFact(
                    ownerID: row["owner_id"], ownerName: row["owner_name"], type: type, state: state, dueAt: Date(epochSeconds: row["due_at"]),
                    completedAt: (row["completed_at"] as Int64?).date,
                    rescheduleReasons: (row["reasons"] as String?).map { $0.split(separator: "\u{1F}").map(String.init) } ?? [])
            }
        }
    }

    /// Planned follow-ups due from `now` on, per owner of the scope (the team's workload).
    public func plannedWorkload(from now: Date, scope: ReportScope) throws -> [Int64: Int] {
        var sql = ReportSQL()
        sql.owners(scope, column: "owner_id")
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT owner_id, COUNT(*) AS planned FROM activity WHERE state = 'planned' AND due_at >= ?\(sql.clause) GROUP BY owner_id
                """, arguments: [now.epochSeconds] + sql.arguments)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["owner_id"], $0["planned"]) })
        }
    }

    /// Planned follow-ups past due at `now`, per owner of the scope, whatever their due date.
    public func overdueFollowUps(at now: Date, scope: ReportScope) throws -> [Int64: Int] {
        var sql = ReportSQL()
        sql.owners(scope, column: "owner_id")
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT owner_id, COUNT(*) AS overdue FROM activity WHERE state = 'planned' AND due_at < ?\(sql.clause) GROUP BY owner_id
                """, arguments: [now.epochSeconds] + sql.arguments)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["owner_id"], $0["overdue"]) })
        }
    }
}
