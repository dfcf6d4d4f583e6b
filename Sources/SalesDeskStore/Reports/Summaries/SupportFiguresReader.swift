import Foundation
import GRDB
import SalesDeskDomain

/// Reads one period's ``SupportFigures`` inside a read transaction (see ``AppDatabase/supportFigures(_:scope:now:reading:)``):
/// the groups' counts from the sums or the rows, then the breaches, then the medians.
struct SupportFiguresReader {
    /// The tickets of one support group: team, assignee and priority ids (nil for none).
    private struct GroupKey: Hashable {
        var team: Int64?
        var assignee: Int64?
        var priority: TicketPriority
    }

    private let db: Database
    private let configuration: DeskConfiguration
    private let start: Int64
    private let end: Int64
    /// The scope's assignees, on `ticket.assignee_id`.
    private let filter: ReportSQL
    /// The same, on the sums' `assignee_key`.
    private let sumFilter: ReportSQL
    private let now: Date
    private let teams: [Int64: (name: String, timeZone: String?)]
    private let users: [Int64: String]
    private var groups: [GroupKey: SupportFigures.Group] = [:]
    private var breaches: [(id: Int64, key: GroupKey)] = []
    private var answered = 0, reopened = 0, resolved = 0
    private var pendingSeconds: Int64 = 0

    init(_ db: Database, configuration: DeskConfiguration, start: Int64, end: Int64, scope: ReportScope, now: Date) throws {
        self.db = db
        self.configuration = configuration
        self.start = start
        self.end = end
        var filter = ReportSQL(), sumFilter = ReportSQL()
        filter.owners(scope, column: "assignee_id")
        sumFilter.owners(scope, column: "assignee_key")
        self.filter = filter
        self.sumFilter = sumFilter
        self.now = now
        teams = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name, time_zone FROM team").map { ($0["id"], (name: $0["name"], timeZone: $0["time_zone"])) },
                           uniquingKeysWith: { first, _ in first })
        users = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM user").map { ($0["id"], $0["name"]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The period's tickets, `created_at` in range and assigned within the scope (SQL on `ticket`).
    private var range: String { "created_at >= \(start) AND created_at < \(end)\(filter.clause)" }

    private mutating func group(team: Int64?, assignee: Int64?, priority: String) -> GroupKey {
        let key = GroupKey(team: team, assignee: assignee, priority: TicketPriority(rawValue: priority) ?? .normal)
        if groups[key] == nil {
            groups[key] = .init(team: team.flatMap { teams[$0]?.name } ?? "No team", assignee: assignee.flatMap { users[$0] },
                                priority: key.priority, tickets: 0, met: 0, breached: 0)
        }
        return key
    }

    /// Adds one summed row (`team, assignee, priority, tickets, met, breached, answered, reopened, resolved, pending`)
    /// with `sign`.
    private mutating func add(_ row: Row, sign: Int, team: Int64?, assignee: Int64?) {
        let key = group(team: team, assignee: assignee, priority: row[2])
        groups[key]!.tickets += sign * (row[3] as Int)
        groups[key]!.met += sign * (row[4] as Int)
        groups[key]!.breached += sign * (row[5] as Int)
        answered += sign * (row[6] as Int)
        reopened += sign * (row[7] as Int)
        resolved += sign * (row[8] as Int)
        pendingSeconds += Int64(sign) * (row[9] as Int64? ?? 0)
    }

    /// The groups' counts from `report_ticket_sum` over `pieces`.
    mutating func sum(_ pieces: [SummaryBuckets.Piece]) throws {
        let statement = try db.makeStatement(sql: """
            SELECT team_key, assignee_key, priority, SUM(tickets), SUM(met), SUM(breached), SUM(answered), SUM(reopened), SUM(resolved),
                   SUM(pending_seconds + waiting * ? - waiting_since)
            FROM report_ticket_sum WHERE level = ? AND bucket >= ? AND bucket < ?\(sumFilter.clause) GROUP BY team_key, assignee_key, priority
            """)
        for piece in pieces {
            let rows = try Row.fetchCursor(statement, arguments: [now.epochSeconds, piece.level.rawValue, piece.lower, piece.upper] + sumFilter.arguments)
            while let row = try rows.next() {
                let team: Int64 = row[0], assignee: Int64 = row[1]
                add(row, sign: Int(piece.sign), team: team == 0 ? nil : team, assignee: assignee == 0 ? nil : assignee)
            }
        }
        groups = groups.filter { $0.value.tickets != 0 }
    }

    /// The groups' counts from the period's tickets.
    mutating func sumRows() throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT team_id, assignee_id, priority, COUNT(*), SUM(response_seconds IS NOT NULL AND first_response_breached_at IS NULL),
                   SUM(first_response_breached_at IS NOT NULL), SUM(response_seconds IS NOT NULL), SUM(reopen_count > 0),
                   SUM(resolution_seconds IS NOT NULL), SUM(pending_seconds + CASE WHEN pending_since IS NULL THEN 0 ELSE ? - pending_since END)
            FROM ticket WHERE \(range) GROUP BY team_id, assignee_id, priority
            """, arguments: [now.epochSeconds] + filter.arguments) {
            add(row, sign: 1, team: row[0], assignee: row[1])
        }
    }

    /// The breaches: recorded ones, and unanswered open tickets whose running clock is past the target at `now` (no
    /// scheduler has recorded theirs yet), which are added to their groups.
    mutating func addBreaches() throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT id, team_id, assignee_id, priority FROM ticket INDEXED BY ticket_breached WHERE \(range) AND first_response_breached_at IS NOT NULL
            """, arguments: filter.arguments) {
            breaches.append((row[0], group(team: row[1], assignee: row[2], priority: row[3])))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, team_id, assignee_id, priority, sla_used_seconds, sla_running_since FROM ticket INDEXED BY ticket_unanswered
            WHERE \(range) AND \(TicketFiguresSchema.unansweredCondition)
            """, arguments: filter.arguments) {
            let key = group(team: row[1], assignee: row[2], priority: row[3])
            let team = key.team.flatMap { teams[$0] }
            let due = FirstResponseDue(clock: FirstResponseClock(priority: key.priority, routing: configuration.ticketRouting),
                                       usedSeconds: TimeInterval(row[4] as Int64), runningSince: (row[5] as Int64?).date,
                                       hours: configuration.businessHours(forTeam: team?.name, timeZone: team?.timeZone))
            guard due.state(at: now) == .breached else { continue }
            groups[key]!.breached += 1
            breaches.append((row[0], key))
        }
    }

    /// The figures, with exact medians: from the histograms over `pieces`, or from the period's sorted rows when nil.
    func figures(pieces: [SummaryBuckets.Piece]?) throws -> SupportFigures {
        func median(_ measure: TicketSums.Measure, count: Int) throws -> Double? {
            let middle = try pieces.map { try middleValues(measure, pieces: $0) } ?? middleRowValues(measure, count: count)
            return middle.isEmpty ? nil : Double(middle.reduce(0, +)) / Double(middle.count)
        }
        return SupportFigures(
            groups: Array(groups.values),
            breaches: breaches.sorted { $0.id < $1.id }.map { breach in
                let group = groups[breach.key]!
                return .init(number: Ticket.number(for: breach.id), team: group.team, assignee: group.assignee, priority: group.priority)
            },
            medianFirstResponseSeconds: try median(.firstResponse, count: answered),
            medianResolutionSeconds: try median(.resolution, count: resolved),
            reopened: reopened, resolved: resolved, pendingSeconds: Double(pendingSeconds))
    }

    /// The middle values of a measure, read from the period's tickets in order.
    private func middleRowValues(_ measure: TicketSums.Measure, count: Int) throws -> [Int64] {
        let ranks = MedianRanks.of(count: count)
        guard let first = ranks.first else { return [] }
        return try Int64.fetchAll(db, sql: """
            SELECT \(measure.column) FROM ticket WHERE \(range) AND \(measure.column) IS NOT NULL ORDER BY \(measure.column) LIMIT ? OFFSET ?
            """, arguments: filter.arguments + [ranks.count, first])
    }

    /// The middle values of a measure: the histogram over `pieces` gives the span of each middle rank, and that span's
    /// tickets of the period are read in order through the measure's span index.
    private func middleValues(_ measure: TicketSums.Measure, pieces: [SummaryBuckets.Piece]) throws -> [Int64] {
        let statement = try db.makeStatement(sql: """
            SELECT span, SUM(tickets) FROM report_ticket_span WHERE level = ? AND bucket >= ? AND bucket < ? AND measure = ?\(sumFilter.clause)
            GROUP BY span
            """)
        var histogram: [Int64: Int] = [:]
        for piece in pieces {
            let rows = try Row.fetchCursor(statement, arguments: [piece.level.rawValue, piece.lower, piece.upper, measure.rawValue] + sumFilter.arguments)
            while let row = try rows.next() { histogram[row[0], default: 0] += Int(piece.sign) * (row[1] as Int) }
        }
        let spans = histogram.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (span: $0.key, count: $0.value) }
        return try MedianRanks.values(in: spans, exact: TicketSums.exactSeconds(ofSpan:)) { span in
            try Int64.fetchAll(db, sql: """
                SELECT \(measure.column) FROM ticket INDEXED BY \(measure.index)
                WHERE \(TicketSums.span(measure.column)) = ? AND \(range) AND \(measure.column) IS NOT NULL ORDER BY \(measure.column)
                """, arguments: [span] + filter.arguments)
        }
    }
}
