import Foundation
import GRDB
import SalesDeskDomain

/// Keeps a ticket's first-response jobs in step with its status, inside the caller's transaction.
enum TicketClock {
    /// (Re)plans the SLA warning, breach and untriaged alert of a ticket from its stored clock; a ticket answered or
    /// settled (Resolved, Deployed, Closed) has no SLA jobs.
    static func plan(_ db: Database, ticketID: Int64, configuration: DeskConfiguration) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT ticket.priority, ticket.status, ticket.created_at, ticket.first_response_at, ticket.sla_used_seconds,
                   ticket.sla_running_since, team.name AS team_name, team.time_zone
            FROM ticket LEFT JOIN team ON team.id = ticket.team_id WHERE ticket.id = ?
            """, arguments: [ticketID]) else { return }
        let record = RecordReference.ticket(ticketID)
        let untriagedAt = Date(epochSeconds: row["created_at"]).addingTimeInterval(TimeInterval(configuration.ticketRouting.untriagedAlertMinutes * 60))
        try ScheduledWork.upsert(db, kind: .untriaged, record: record, level: 0, dueAt: untriagedAt, eventAt: nil)
        let settled = TicketStatus(rawValue: row["status"])?.isSettled ?? false
        guard !settled, (row["first_response_at"] as Int64?) == nil, let since = (row["sla_running_since"] as Int64?).map(Date.init(epochSeconds:)),
              let priority = TicketPriority(rawValue: row["priority"]) else {
            try ScheduledWork.cancel(db, record, kinds: [.slaWarning, .slaBreach])
            return
        }
        let clock = FirstResponseClock(priority: priority, routing: configuration.ticketRouting)
        let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"])
        let deadlines = clock.deadlines(usedSeconds: TimeInterval(row["sla_used_seconds"] as Int64), runningSince: since, hours: hours)
        try ScheduledWork.upsert(db, kind: .slaWarning, record: record, level: 0, dueAt: deadlines.warning, eventAt: deadlines.breach)
        try ScheduledWork.upsert(db, kind: .slaBreach, record: record, level: 0, dueAt: deadlines.breach, eventAt: deadlines.breach)
    }

    /// Stops the clock (Pending at Customer): banks the business seconds used and drops pending SLA jobs.
    static func pause(_ db: Database, ticketID: Int64, at: Date, configuration: DeskConfiguration) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT ticket.sla_running_since, team.name AS team_name, team.time_zone FROM ticket LEFT JOIN team ON team.id = ticket.team_id WHERE ticket.id = ?
            """, arguments: [ticketID]), let since = (row["sla_running_since"] as Int64?).map(Date.init(epochSeconds:)) else { return }
        let at = Date(epochSeconds: at.epochSeconds) // whole seconds, as the status history stores the pause
        let used = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"]).businessSeconds(from: since, to: at)
        try db.execute(sql: "UPDATE ticket SET sla_used_seconds = sla_used_seconds + ?, sla_running_since = NULL WHERE id = ?",
                       arguments: [Int64(used.rounded()), ticketID])
        try ScheduledWork.cancel(db, .ticket(ticketID), kinds: [.slaWarning, .slaBreach])
    }

    /// Records the first-response breach of a ticket still unanswered whose deadline is at or before `at`
    /// (`first_response_breached_at` = the deadline); a breach already recorded is kept. Called when the
    /// scheduler fires the breach, and before a reply, a pause or a close, so a breach is never lost
    /// because no scheduler ran in time.
    static func recordBreachIfPast(_ db: Database, ticketID: Int64, at: Date, configuration: DeskConfiguration) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT ticket.priority, ticket.sla_used_seconds, ticket.sla_running_since, team.name AS team_name, team.time_zone
            FROM ticket LEFT JOIN team ON team.id = ticket.team_id
            WHERE ticket.id = ? AND ticket.first_response_at IS NULL AND ticket.first_response_breached_at IS NULL
            """, arguments: [ticketID]),
            let since = (row["sla_running_since"] as Int64?).map(Date.init(epochSeconds:)),
            let priority = TicketPriority(rawValue: row["priority"]) else { return }
        let clock = FirstResponseClock(priority: priority, routing: configuration.ticketRouting)
        let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["time_zone"])
        let breach = clock.deadlines(usedSeconds: TimeInterval(row["sla_used_seconds"] as Int64), runningSince: since, hours: hours).breach
        guard breach <= at else { return }
        try recordBreach(db, ticketID: ticketID, at: breach)
    }

    /// Records that a ticket still unanswered missed its first-response target at `deadline` (the breach job's
    /// event time, when the scheduler fires it); a breach already recorded is kept.
    static func recordBreach(_ db: Database, ticketID: Int64, at deadline: Date) throws {
        try db.cachedStatement(sql: """
            UPDATE ticket SET first_response_breached_at = ?
            WHERE id = ? AND first_response_at IS NULL AND first_response_breached_at IS NULL AND sla_running_since IS NOT NULL
            """).execute(arguments: [deadline.epochSeconds, ticketID])
    }

    /// Starts the clock again after Pending at Customer.
    static func resume(_ db: Database, ticketID: Int64, at: Date, configuration: DeskConfiguration) throws {
        try db.execute(sql: "UPDATE ticket SET sla_running_since = ? WHERE id = ? AND sla_running_since IS NULL AND first_response_at IS NULL",
                       arguments: [at.epochSeconds, ticketID])
        try plan(db, ticketID: ticketID, configuration: configuration)
    }
}
