import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore

/// One ticket as the support report judges it, worked out from scratch: from the ticket's row, its status history
/// and its team's business hours, never from the stored figures (`response_seconds` and the rest) the report sums.
struct TicketFact: Equatable {
    var id: Int64
    var team: String
    var assignee: String?
    var priority: TicketPriority
    /// The first-response target in business seconds.
    var targetSeconds: Double
    /// Business seconds the clock ran to the first response; nil when not answered yet.
    var firstResponseSeconds: Double?
    /// Business seconds the clock has run by now (unanswered and open) or by closing (unanswered and settled).
    var unansweredSeconds: Double?
    var resolutionSeconds: Double?
    var reopened: Bool
    var pendingSeconds: Double

    var number: String { Ticket.number(for: id) }

    /// Met, breached (the clock reached its target), or nil when it cannot be judged yet.
    var metSLA: Bool? {
        if let firstResponseSeconds { return firstResponseSeconds < targetSeconds }
        return unansweredSeconds.flatMap { $0 >= targetSeconds ? false : nil }
    }
}

extension SupportFigures {
    /// The figures of `facts`, summed the slow way.
    init(facts: [TicketFact]) {
        let keys = Dictionary(grouping: facts) { "\($0.team)\u{1}\($0.assignee ?? "")\u{1}\($0.priority.rawValue)" }
        let medians = { (values: [Double]) -> Double? in
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return nil }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        self.init(
            groups: keys.values.map { group in
                .init(team: group[0].team, assignee: group[0].assignee, priority: group[0].priority, tickets: group.count,
                      met: group.filter { $0.metSLA == true }.count, breached: group.filter { $0.metSLA == false }.count)
            },
            breaches: facts.filter { $0.metSLA == false }.sorted { $0.id < $1.id }
                .map { .init(number: $0.number, team: $0.team, assignee: $0.assignee, priority: $0.priority) },
            medianFirstResponseSeconds: medians(facts.compactMap(\.firstResponseSeconds)),
            medianResolutionSeconds: medians(facts.compactMap(\.resolutionSeconds)),
            reopened: facts.filter(\.reopened).count, resolved: facts.filter { $0.resolutionSeconds != nil }.count,
            pendingSeconds: facts.reduce(0) { $0 + $1.pendingSeconds })
    }
}

extension AppDatabase {
    /// The tickets created in `period` and assigned to `owners` (everyone's when nil), each worked out from scratch.
    func recomputedTicketFacts(_ period: ReportPeriod, owners: [Int64]?, now: Date) throws -> [TicketFact] {
        let configuration = configuration
        let settled = Set(TicketStatus.settled.map(\.rawValue))
        return try writer.read { db in
            var history: [Int64: [Row]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT ticket_id, from_status, to_status, at FROM ticket_status_change ORDER BY ticket_id, at, id") {
                history[row["ticket_id"], default: []].append(row)
            }
            return try Row.fetchAll(db, sql: """
                SELECT t.id, t.priority, t.status, t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at,
                       tm.name AS team, tm.time_zone, u.name AS assignee, t.assignee_id
                FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id LEFT JOIN user u ON u.id = t.assignee_id
                WHERE t.created_at >= ? AND t.created_at < ? ORDER BY t.id
                """, arguments: [Int64(period.start.timeIntervalSince1970), Int64(period.end.timeIntervalSince1970)])
            .filter { row in owners.map { ($0 as [Int64]).contains(row["assignee_id"] as Int64? ?? -1) } ?? true }
            .map { row in
                let id: Int64 = row["id"]
                let hours = configuration.businessHours(forTeam: row["team"], timeZone: row["time_zone"])
                let date = { (column: String) in (row[column] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) } }
                let created = date("created_at")!
                var waits: [(start: Date, end: Date)] = []
                var since: Date?
                var reopened = false
                for change in history[id] ?? [] {
                    let at = Date(timeIntervalSince1970: TimeInterval(change["at"] as Int64))
                    if let start = since { waits.append((start, at)); since = nil }
                    if (change["to_status"] as String) == "pending_at_customer" { since = at }
                    if (change["to_status"] as String) == "in_process", settled.contains(change["from_status"] as String? ?? "") { reopened = true }
                }
                let pending = waits.reduce(0) { $0 + $1.end.timeIntervalSince($1.start) } + (since.map { max(0, now.timeIntervalSince($0)) } ?? 0)
                if let since { waits.append((since, .distantFuture)) }
                /// Business seconds from creation to `end`, less those spent waiting on the customer.
                func clockSeconds(to end: Date) -> Double {
                    hours.businessSeconds(from: created, to: end) - waits.reduce(0) { total, wait in
                        let start = max(wait.start, created), stop = min(wait.end, end)
                        return total + (start < stop ? hours.businessSeconds(from: start, to: stop) : 0)
                    }
                }
                let priority = TicketPriority(rawValue: row["priority"])!
                let status: String = row["status"]
                let answered = date("first_response_at")
                let closedAt = date("resolved_at") ?? date("closed_at") ?? date("updated_at")!
                return TicketFact(
                    id: id, team: row["team"] ?? "No team", assignee: row["assignee"], priority: priority,
                    targetSeconds: Double(configuration.ticketRouting.firstResponseTarget(for: priority) * 60),
                    firstResponseSeconds: answered.map { clockSeconds(to: $0).rounded() },
                    unansweredSeconds: answered != nil ? nil : clockSeconds(to: settled.contains(status) ? closedAt : now),
                    resolutionSeconds: date("resolved_at").map { hours.businessSeconds(from: created, to: $0).rounded() },
                    reopened: reopened, pendingSeconds: pending)
            }
        }
    }
}
