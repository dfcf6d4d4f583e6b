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

    /// Follow-ups of the scope due in the period, counted in SQL (``ActivityCounts``): the same figures as
    /// ``activityFacts(_:scope:)`` without fetching every follow-up. Read through
    /// `report_activity_due(due_at, owner_id, type, state, completed_at)`, which covers the counts.
    public func activityCounts(_ request: ReportRequest, scope: ReportScope, now: Date) throws -> ActivityCounts {
        var sql = ReportSQL()
        sql.owners(scope, column: "a.owner_id")
        let period: StatementArguments = [request.period.start.epochSeconds, request.period.end.epochSeconds]
        let bucket = ActivityCounts.completionBucketSeconds
        return try writer.read { db in
            let names = try Row.fetchAll(db, sql: "SELECT id, name FROM user").reduce(into: [Int64: String]()) { $0[$1[0]] = $1[1] }
            let tallies = try Row.fetchAll(db, sql: """
                SELECT a.owner_id, a.type, a.state, COALESCE(a.completed_at <= a.due_at, 0), a.due_at <= ?, a.due_at < ?, COUNT(*)
                FROM activity a WHERE a.due_at >= ? AND a.due_at < ?\(sql.clause) GROUP BY 1, 2, 3, 4, 5, 6
                """, arguments: [now.epochSeconds, now.epochSeconds] + period + sql.arguments)
            .compactMap { row -> ActivityTally? in
                // Follow-ups of owners no longer on file are left out, as the row query's join with `user` leaves them out.
                guard let name = names[row[0]], let type = ActivityType(rawValue: row[1]), let state = ActivityState(rawValue: row[2]) else { return nil }
                return ActivityTally(ownerID: row[0], ownerName: name, type: type, state: state, onTime: row[3], dueSoFar: row[4], pastDue: row[5], count: row[6])
            }
            var reschedules: [Int64: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.owner_id, r.reason, COUNT(*) FROM activity_reschedule r JOIN activity a ON a.id = r.activity_id
                WHERE a.due_at >= ? AND a.due_at < ?\(sql.clause) GROUP BY 1, 2
                """, arguments: period + sql.arguments) where names[row[0]] != nil {
                reschedules[row[0], default: [:]][row[1]] = row[2]
            }
            let completions = try Row.fetchAll(db, sql: """
                SELECT a.completed_at - ((a.completed_at % \(bucket)) + \(bucket)) % \(bucket), COUNT(*) FROM activity a
                WHERE a.due_at >= ? AND a.due_at < ? AND a.state = 'done' AND a.completed_at IS NOT NULL
                    AND a.owner_id IN (SELECT id FROM user)\(sql.clause) GROUP BY 1
                """, arguments: period + sql.arguments)
            .reduce(into: [Date: Int]()) { $0[Date(epochSeconds: $1[0])] = $1[1] }
            return ActivityCounts(tallies: tallies, reschedules: reschedules, completions: completions)
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
