import Foundation
import GRDB
import SalesDeskDomain

/// Keeps each ticket's support figures (see ``TicketFiguresSchema``) inside the transaction of the write that changes
/// them: the first response (``answered(_:ticketID:at:configuration:)``) and status moves
/// (``statusChanged(_:ticketID:from:to:at:configuration:)``). ``rebuild(_:configuration:)`` works them all out
/// again from the tickets and their status history — for the migration and for bulk-loaded data.
enum TicketFigures {
    /// The first response at `at`: the business seconds its first-response clock ran (banked before the last pause,
    /// plus the running stretch since it last started).
    static func answered(_ db: Database, ticketID: Int64, at time: Date, configuration: DeskConfiguration) throws {
        let at = Date(epochSeconds: time.epochSeconds) // whole seconds, as `first_response_at` stores it
        guard let row = try Row.fetchOne(db, sql: """
            SELECT ticket.sla_used_seconds, ticket.sla_running_since, team.name AS team_name, team.time_zone
            FROM ticket LEFT JOIN team ON team.id = ticket.team_id WHERE ticket.id = ?
            """, arguments: [ticketID]) else { return }
        let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"])
        let running = (row["sla_running_since"] as Int64?).map { Self.seconds(hours, from: Date(epochSeconds: $0), to: at) } ?? 0
        try db.execute(sql: "UPDATE ticket SET response_seconds = ? WHERE id = ?",
                       arguments: [(row["sla_used_seconds"] as Int64? ?? 0) + running, ticketID])
    }

    /// A move from `from` to `to` at `at`: a wait at the customer starts or ends, a resolution is timed, a reopen counted.
    static func statusChanged(_ db: Database, ticketID: Int64, from: TicketStatus, to: TicketStatus, at time: Date, configuration: DeskConfiguration) throws {
        let at = Date(epochSeconds: time.epochSeconds) // whole seconds, as the status history stores the move
        if from == .pendingAtCustomer {
            try db.execute(sql: """
                UPDATE ticket SET pending_seconds = pending_seconds + MAX(0, ? - pending_since), pending_since = NULL
                WHERE id = ? AND pending_since IS NOT NULL
                """, arguments: [at.epochSeconds, ticketID])
        }
        switch to {
        case .pendingAtCustomer:
            try db.execute(sql: "UPDATE ticket SET pending_since = ? WHERE id = ?", arguments: [at.epochSeconds, ticketID])
        case .resolved:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT ticket.created_at, team.name AS team_name, team.time_zone FROM ticket LEFT JOIN team ON team.id = ticket.team_id WHERE ticket.id = ?
                """, arguments: [ticketID]) else { return }
            let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"])
            try db.execute(sql: "UPDATE ticket SET resolution_seconds = ? WHERE id = ?",
                           arguments: [Self.seconds(hours, from: Date(epochSeconds: row["created_at"]), to: at), ticketID])
        case .inProcess where from.isSettled:
            try db.execute(sql: "UPDATE ticket SET resolution_seconds = NULL, reopen_count = reopen_count + 1 WHERE id = ?", arguments: [ticketID])
        default:
            break
        }
    }

    /// Business seconds between two instants, whole.
    private static func seconds(_ hours: BusinessHours, from start: Date, to end: Date) -> Int64 {
        Int64(hours.businessSeconds(from: start, to: end).rounded())
    }

    /// Works out every ticket's figures from the ticket and its status history, in steps of 5,000 tickets, reporting
    /// progress ("Ticket figures 40 %"), then their sums (``TicketSums/rebuild(_:)``). A first-response breach the
    /// history shows but the ticket lacks (tickets bulk-loaded without a clock, or from before breaches were recorded)
    /// is recorded at the instant the clock reached the target, so the ticket's detail and the report judge it alike.
    static func rebuild(_ db: Database, configuration: DeskConfiguration) throws {
        try TicketSums.dropTriggers(db)
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ticket") ?? 0
        let step: Int64 = 5_000
        MigrationProgress.report("Ticket figures", 0)
        let update = try db.makeStatement(sql: """
            UPDATE ticket SET response_seconds = ?, resolution_seconds = ?, pending_seconds = ?, pending_since = ?, reopen_count = ?,
                first_response_breached_at = COALESCE(first_response_breached_at, ?)
            WHERE id = ?
            """)
        var lower: Int64 = 0
        while lower <= last {
            let upper = lower + step
            var changes: [Int64: [StatusChange]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT ticket_id, from_status, to_status, at FROM ticket_status_change WHERE ticket_id >= ? AND ticket_id < ? ORDER BY ticket_id, at, id
                """, arguments: [lower, upper]) {
                changes[row["ticket_id"], default: []].append(StatusChange(
                    from: (row["from_status"] as String?).flatMap(TicketStatus.init(rawValue:)),
                    to: TicketStatus(rawValue: row["to_status"]), at: Date(epochSeconds: row["at"])))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT t.id, t.priority, t.status, t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at,
                       t.first_response_breached_at, tm.name AS team_name, tm.time_zone
                FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id WHERE t.id >= ? AND t.id < ?
                """, arguments: [lower, upper]) {
                let id: Int64 = row["id"]
                let figures = Replay(row: row, changes: changes[id] ?? [], configuration: configuration)
                try update.execute(arguments: [figures.responseSeconds, figures.resolutionSeconds, figures.pendingSeconds,
                                               figures.pendingSince?.epochSeconds, figures.reopenCount, figures.breachAt?.epochSeconds, id])
            }
            lower = upper
            MigrationProgress.report("Ticket figures", Double(min(lower, last)) / Double(max(last, 1)))
        }
        try TicketSums.rebuild(db)
        MigrationProgress.report("Ticket figures", 1)
    }

    /// One status change as the replay reads it.
    private struct StatusChange {
        var from: TicketStatus?
        var to: TicketStatus?
        var at: Date
    }

    /// One ticket's figures worked out from its row and its status history (oldest first).
    private struct Replay {
        var responseSeconds: Int64?
        var resolutionSeconds: Int64?
        var pendingSeconds: Int64 = 0
        var pendingSince: Date?
        var reopenCount = 0
        /// A breach to record: only when the ticket has none recorded and the replayed clock reached its target.
        var breachAt: Date?

        init(row: Row, changes: [StatusChange], configuration: DeskConfiguration) {
            let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"])
            let created = Date(epochSeconds: row["created_at"])
            var waits: [DateInterval] = []
            for change in changes {
                if let since = pendingSince {
                    pendingSeconds += max(0, change.at.epochSeconds - since.epochSeconds)
                    waits.append(DateInterval(start: since, end: max(since, change.at)))
                    pendingSince = nil
                }
                if change.to == .pendingAtCustomer { pendingSince = change.at }
                if change.to == .inProcess, change.from?.isSettled == true { reopenCount += 1 }
            }
            if let since = pendingSince { waits.append(DateInterval(start: since, end: .distantFuture)) }
            resolutionSeconds = (row["resolved_at"] as Int64?).map { TicketFigures.seconds(hours, from: created, to: Date(epochSeconds: $0)) }
            guard let priority = TicketPriority(rawValue: row["priority"]) else { return }
            let clock = FirstResponseClock(priority: priority, routing: configuration.ticketRouting)
            let recorded = (row["first_response_breached_at"] as Int64?) != nil
            if let answered = (row["first_response_at"] as Int64?).map(Date.init(epochSeconds:)) {
                let replay = clock.replay(from: created, to: answered, pauses: waits, hours: hours)
                responseSeconds = Int64(replay.usedSeconds.rounded())
                if !recorded { breachAt = replay.breachAt }
            } else if !recorded, let status = TicketStatus(rawValue: row["status"]), status.isSettled {
                let closedAt: Int64 = row["resolved_at"] ?? row["closed_at"] ?? row["updated_at"]
                breachAt = clock.replay(from: created, to: Date(epochSeconds: closedAt), pauses: waits, hours: hours).breachAt
            }
        }
    }
}
