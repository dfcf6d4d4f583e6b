import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Tickets created in the period that the scope's people are assigned to (everyone's for admins), with their
    /// first response and resolution in the team's business hours.
    ///
    /// The first-response clock pauses while a ticket is Pending at Customer (the domain's SLA rule): business time
    /// spent pending before the first response does not count towards it.
    public func ticketFacts(_ request: ReportRequest, scope: ReportScope, now: Date) throws -> [TicketFact] {
        var sql = ReportSQL()
        sql.owners(scope, column: "t.assignee_id")
        let configuration = configuration
        let range: StatementArguments = [request.period.start.epochSeconds, request.period.end.epochSeconds]
        return try writer.read { db in
            // Tickets first (CROSS JOIN keeps that order): the period's tickets by `ticket_created`, then each one's
            // statuses by `ticket_status_change_ticket`, never a scan of every status change.
            var pausedBeforeResponse: [Int64: [(start: Date, end: Date)]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT p.ticket_id, p.at AS start, COALESCE(\(Self.nextStatusChangeSQL), ?) AS end
                FROM ticket t CROSS JOIN ticket_status_change p ON p.ticket_id = t.id
                WHERE p.to_status = 'pending_at_customer' AND t.first_response_at IS NOT NULL AND p.at < t.first_response_at
                    AND t.created_at >= ? AND t.created_at < ?\(sql.clause)
                """, arguments: [now.epochSeconds] + range + sql.arguments) {
                pausedBeforeResponse[row["ticket_id"], default: []].append((Date(epochSeconds: row["start"]), Date(epochSeconds: row["end"])))
            }
            return try Row.fetchAll(db, sql: """
                SELECT t.id, t.priority, t.category, t.status, t.created_at, t.first_response_at, t.resolved_at, t.sla_used_seconds,
                       t.sla_running_since, tm.name AS team, tm.time_zone, u.name AS assignee,
                       EXISTS (SELECT 1 FROM ticket_status_change s WHERE s.ticket_id = t.id AND s.to_status = 'in_process'
                               AND s.from_status IN ('resolved', 'deployed', 'closed')) AS reopened,
                       (SELECT COALESCE(SUM(COALESCE(\(Self.nextStatusChangeSQL), ?) - p.at), 0)
                        FROM ticket_status_change p WHERE p.ticket_id = t.id AND p.to_status = 'pending_at_customer') AS pending
                FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id LEFT JOIN user u ON u.id = t.assignee_id
                WHERE t.created_at >= ? AND t.created_at < ?\(sql.clause)
                """, arguments: [now.epochSeconds] + range + sql.arguments)
            .compactMap { row in
                guard let priority = TicketPriority(rawValue: row["priority"]), let category = TicketCategory(rawValue: row["category"]),
                      let status = TicketStatus(rawValue: row["status"]) else { return nil }
                let team: String? = row["team"]
                let hours = configuration.businessHours(forTeam: team, timeZone: row["time_zone"])
                let created = Date(epochSeconds: row["created_at"])
                let firstResponse = (row["first_response_at"] as Int64?).map { Date(epochSeconds: $0) }
                let paused = firstResponse.map { answered in
                    (pausedBeforeResponse[row["id"]] ?? []).reduce(0) { total, interval in
                        let start = max(interval.start, created), end = min(interval.end, answered)
                        return total + (start < end ? hours.businessSeconds(from: start, to: end) : 0)
                    }
                } ?? 0
                let used = Double(row["sla_used_seconds"] as Int64? ?? 0)
                let running = (row["sla_running_since"] as Int64?).date
                return TicketFact(
                    number: Ticket.number(for: row["id"]), team: team ?? "No team", assignee: row["assignee"], priority: priority,
                    category: category, status: status,
                    targetSeconds: Double(configuration.ticketRouting.firstResponseTarget(for: priority) * 60),
                    firstResponseSeconds: firstResponse.map { hours.businessSeconds(from: created, to: $0) - paused },
                    waitingSeconds: used + (running.map { hours.businessSeconds(from: $0, to: now) } ?? 0),
                    resolutionSeconds: (row["resolved_at"] as Int64?).map { hours.businessSeconds(from: created, to: Date(epochSeconds: $0)) },
                    reopened: row["reopened"], pendingSeconds: Double(row["pending"] as Int64? ?? 0))
            }
        }
    }

    /// When the status entered at `p` (a `ticket_status_change` row) was left: the ticket's next change, or NULL.
    static let nextStatusChangeSQL = """
        (SELECT n.at FROM ticket_status_change n WHERE n.ticket_id = p.ticket_id AND +n.id > p.id ORDER BY n.at, n.id LIMIT 1)
        """

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
