import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Tickets created in the period that the scope's people are assigned to (everyone's for admins), with their
    /// first response and resolution in the team's business hours.
    public func ticketFacts(_ request: ReportRequest, scope: ReportScope, now: Date) throws -> [TicketFact] {
        var sql = ReportSQL()
        sql.owners(scope, column: "t.assignee_id")
        let configuration = configuration
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.id, t.priority, t.category, t.status, t.created_at, t.first_response_at, t.resolved_at, t.sla_used_seconds,
                       t.sla_running_since, tm.name AS team, tm.time_zone, u.name AS assignee,
                       EXISTS (SELECT 1 FROM ticket_status_change s WHERE s.ticket_id = t.id AND s.to_status = 'in_process'
                               AND s.from_status IN ('resolved', 'deployed', 'closed')) AS reopened,
                       (SELECT COALESCE(SUM(COALESCE((SELECT n.at FROM ticket_status_change n WHERE n.ticket_id = p.ticket_id AND +n.id > p.id
                                                     ORDER BY n.at, n.id LIMIT 1), ?) - p.at), 0)
                        FROM ticket_status_change p WHERE p.ticket_id = t.id AND p.to_status = 'pending_at_customer') AS pending
                FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id LEFT JOIN user u ON u.id = t.assignee_id
                WHERE t.created_at >= ? AND t.created_at < ?\(sql.clause)
                """, arguments: [now.epochSeconds, request.period.start.epochSeconds, request.period.end.epochSeconds] + sql.arguments)
            .compactMap { row in
                guard let priority = TicketPriority(rawValue: row["priority"]), let category = TicketCategory(rawValue: row["category"]),
                      let status = TicketStatus(rawValue: row["status"]) else { return nil }
                let team: String? = row["team"]
                let hours = configuration.businessHours(forTeam: team, timeZone: row["time_zone"])
                let created = Date(epochSeconds: row["created_at"])
                let used = Double(row["sla_used_seconds"] as Int64? ?? 0)
                let running = (row["sla_running_since"] as Int64?).date
                return TicketFact(
                    number: Ticket.number(for: row["id"]), team: team ?? "No team", assignee: row["assignee"], priority: priority,
                    category: category, status: status,
                    targetSeconds: Double(configuration.ticketRouting.firstResponseTarget(for: priority) * 60),
                    firstResponseSeconds: (row["first_response_at"] as Int64?).map { hours.businessSeconds(from: created, to: Date(epochSeconds: $0)) },
                    waitingSeconds: used + (running.map { hours.businessSeconds(from: $0, to: now) } ?? 0),
                    resolutionSeconds: (row["resolved_at"] as Int64?).map { hours.businessSeconds(from: created, to: Date(epochSeconds: $0)) },
                    reopened: row["reopened"], pendingSeconds: Double(row["pending"] as Int64? ?? 0))
            }
        }
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
