import Foundation
import GRDB
import SalesDeskDomain

/// A user's My Agenda at an instant: planned follow-ups by section, plus what needs attention.
public struct Agenda: Sendable {
    /// One agenda section: how many follow-ups it holds and the first of them.
    public struct Section: Sendable {
        public var section: AgendaSection
        public var count: Int
        public var items: [FollowUpRow]
    }

    public var user: User
    public var now: Date
    public var sections: [Section]
    /// The user's leads past their stall threshold, longest stalled first.
    public var stalledLeads: [LeadRow]
    /// How many leads are stalled, up to ``stalledCountCap``.
    public var stalledLeadCount: Int
    /// The stalled count stops here ("1,000+"): a rep with twenty thousand stalled leads needs to know it is
    /// many, not to wait for the exact number on every agenda refresh.
    public static let stalledCountCap = 1000
    /// The user's open tickets still waiting for a first response, oldest first.
    public var ticketsAwaitingResponse: [TicketRow]
}

extension AppDatabase {
    /// My Agenda for `user` at `now`, bucketed in the user's time zone; each section holds at most `limit` items.
    public func agenda(for user: User, at now: Date, limit: Int = 20) throws -> Agenda {
        let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
        let calendar = AgendaCalendar(now: now, timeZone: zone)
        let owner = [user.id!]
        return try writer.read { db in
            let sections = try AgendaSection.allCases.map { section -> Agenda.Section in
                let range = calendar.range(of: section)
                let query = FollowUpQuery(ownerIDs: owner, dueFrom: range.from, dueBefore: range.to)
                // Overdue shows the most recent first: yesterday's call matters more than last year's.
                let page = try Self.fetchFollowUps(db, query, after: nil, limit: limit, descending: section == .overdue)
                return Agenda.Section(section: section, count: try Self.countFollowUps(db, query), items: page.rows)
            }
            let stalledQuery = LeadQuery(ownerIDs: owner, stalledAt: now)
            let stalled = try Self.fetchLeads(db, stalledQuery, pipeline: configuration.pipeline, after: nil, limit: limit)
            let stalledFilter = Self.leadFilter(stalledQuery, pipeline: configuration.pipeline)
            let stalledCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM lead WHERE \(stalledFilter.sql) LIMIT \(Agenda.stalledCountCap))",
                                                arguments: stalledFilter.arguments) ?? 0
            let ticketFilter = Self.ticketFilter(TicketQuery(
                statuses: TicketStatus.allCases.filter { $0 != .closed && $0 != .resolved && $0 != .deployed },
                assigneeIDs: owner, awaitingFirstResponse: true))
            let ticketRows = try Row.fetchAll(db, sql: """
                SELECT ticket.*, account.name AS account_name, team.name AS team_name, team.time_zone AS team_time_zone
                FROM ticket LEFT JOIN account ON account.id = ticket.account_id LEFT JOIN team ON team.id = ticket.team_id
                WHERE \(ticketFilter.sql) ORDER BY ticket.created_at LIMIT ?
                """, arguments: ticketFilter.arguments + [limit])
            let tickets = try ticketRows.map { row in
                let ticket = try Ticket(row: row)
                return TicketRow(ticket: ticket, accountName: row["account_name"], teamName: row["team_name"], assigneeHandle: user.handle,
                                 firstResponse: firstResponseDue(ticket, row: row))
            }
            return Agenda(user: user, now: now, sections: sections, stalledLeads: stalled.rows, stalledLeadCount: stalledCount, ticketsAwaitingResponse: tickets)
        }
    }
}
