import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The support figures of the tickets created in the period that the scope's people are assigned to (everyone's
    /// for admins), summed from each ticket's stored figures (``TicketFigures``) through `ticket_support_report`.
    ///
    /// A ticket's first response is judged by the breach its clock recorded (by the scheduler, a late reply or closing
    /// late without one — what its detail screen shows); a ticket still unanswered and open with no breach recorded
    /// yet is judged by its running clock at `now`, as its detail screen does.
    public func supportFigures(_ request: ReportRequest, scope: ReportScope, now: Date) throws -> SupportFigures {
        var filter = ReportSQL()
        filter.owners(scope, column: "assignee_id")
        let configuration = configuration
        let range = "created_at >= ? AND created_at < ?\(filter.clause)"
        let arguments: StatementArguments = [request.period.start.epochSeconds, request.period.end.epochSeconds] + filter.arguments
        return try writer.read { db in
            let teams = try Self.names(db, sql: "SELECT id, name FROM team")
            let teamZones = try Self.names(db, sql: "SELECT id, time_zone AS name FROM team WHERE time_zone IS NOT NULL")
            let users = try Self.names(db, sql: "SELECT id, name FROM user")
            var groups: [GroupKey: SupportFigures.Group] = [:]
            func group(_ row: Row) -> GroupKey {
                let key = GroupKey(team: row["team_id"], assignee: row["assignee_id"], priority: TicketPriority(rawValue: row["priority"]) ?? .normal)
                if groups[key] == nil {
                    groups[key] = .init(team: key.team.flatMap { teams[$0] } ?? "No team", assignee: key.assignee.flatMap { users[$0] },
                                        priority: key.priority, tickets: 0, met: 0, breached: 0)
                }
                return key
            }
            var reopened = 0, resolved = 0, answered = 0
            var pending: Double = 0
            for row in try Row.fetchAll(db, sql: """
                SELECT team_id, assignee_id, priority, COUNT(*) AS tickets,
                       SUM(response_seconds IS NOT NULL AND first_response_breached_at IS NULL) AS met,
                       SUM(first_response_breached_at IS NOT NULL) AS breached, SUM(response_seconds IS NOT NULL) AS answered,
                       SUM(reopen_count > 0) AS reopened, SUM(resolution_seconds IS NOT NULL) AS resolved,
                       SUM(pending_seconds + CASE WHEN pending_since IS NULL THEN 0 ELSE MAX(0, ? - pending_since) END) AS pending
                FROM ticket INDEXED BY ticket_support_report WHERE \(range) GROUP BY team_id, assignee_id, priority
                """, arguments: [now.epochSeconds] + arguments) {
                let key = group(row)
                groups[key]!.tickets += row["tickets"]
                groups[key]!.met += row["met"]
                groups[key]!.breached += row["breached"]
                answered += row["answered"]
                reopened += row["reopened"]
                resolved += row["resolved"]
                pending += row["pending"] ?? 0
            }
            var breaches: [(id: Int64, key: GroupKey)] = try Row.fetchAll(db, sql: """
                SELECT id, team_id, assignee_id, priority FROM ticket INDEXED BY ticket_support_report
                WHERE \(range) AND first_response_breached_at IS NOT NULL
                """, arguments: arguments).map { ($0["id"], group($0)) }
            // Unanswered, open, no breach recorded yet (no scheduler has run since): the running clock decides.
            for row in try Row.fetchAll(db, sql: """
                SELECT id, team_id, assignee_id, priority, sla_used_seconds, sla_running_since FROM ticket INDEXED BY ticket_support_report
                WHERE \(range) AND response_seconds IS NULL AND first_response_breached_at IS NULL AND sla_running_since IS NOT NULL
                    AND status NOT IN (\(TicketStatus.settled.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                """, arguments: arguments) {
                let key = group(row)
                let hours = configuration.businessHours(forTeam: key.team.flatMap { teams[$0] }, timeZone: key.team.flatMap { teamZones[$0] })
                let due = FirstResponseDue(clock: FirstResponseClock(priority: key.priority, routing: configuration.ticketRouting),
                                           usedSeconds: TimeInterval(row["sla_used_seconds"] as Int64), runningSince: (row["sla_running_since"] as Int64?).date,
                                           hours: hours)
                guard due.state(at: now) == .breached else { continue }
                groups[key]!.breached += 1
                breaches.append((row["id"], key))
            }
            return SupportFigures(
                groups: Array(groups.values),
                breaches: breaches.sorted { $0.id < $1.id }.map { breach in
                    let group = groups[breach.key]!
                    return .init(number: Ticket.number(for: breach.id), team: group.team, assignee: group.assignee, priority: group.priority)
                },
                medianFirstResponseSeconds: try Self.median(db, column: "response_seconds", count: answered, range: range, arguments),
                medianResolutionSeconds: try Self.median(db, column: "resolution_seconds", count: resolved, range: range, arguments),
                reopened: reopened, resolved: resolved, pendingSeconds: pending)
        }
    }

    /// The tickets of one support group: team, assignee and priority ids.
    private struct GroupKey: Hashable {
        var team: Int64?
        var assignee: Int64?
        var priority: TicketPriority
    }

    /// `id` → `name` of the rows `sql` selects.
    private static func names(_ db: Database, sql: String) throws -> [Int64: String] {
        Dictionary(try Row.fetchAll(db, sql: sql).map { ($0["id"], $0["name"]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The exact median of `column` over the `count` tickets of `range` that have it: the middle value, or the mean of
    /// the two middle values (``Statistics``' median), read from the sorted column.
    private static func median(_ db: Database, column: String, count: Int, range: String, _ arguments: StatementArguments) throws -> Double? {
        guard count > 0 else { return nil }
        let middle = try Int64.fetchAll(db, sql: """
            SELECT \(column) FROM ticket INDEXED BY ticket_support_report WHERE \(range) AND \(column) IS NOT NULL
            ORDER BY \(column) LIMIT ? OFFSET ?
            """, arguments: arguments + [2 - count % 2, (count - 1) / 2])
        return middle.isEmpty ? nil : Double(middle.reduce(0, +)) / Double(middle.count)
    }

    /// Open tickets (not Resolved, Deployed or Closed) of the scope, counted by status and category.
    public func ticketBacklog(scope: ReportScope) throws -> [BacklogCount] {
        var sql = ReportSQL()
        sql.owners(scope, column: "assignee_id")
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT status, category, COUNT(*) AS tickets FROM ticket
                WHERE status NOT IN ('resolved', 'deployed', 'closed')\(sql.clause) GROUP BY status, category
                """, arguments: sql.arguments)
            .compactMap { row in
                guard let status = TicketStatus(rawValue: row["status"]), let category = TicketCategory(rawValue: row["category"]) else { return nil }
                return BacklogCount(status: status, category: category, tickets: row["tickets"])
            }
        }
    }
}
