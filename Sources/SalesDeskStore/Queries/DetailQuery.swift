import Foundation
import GRDB
import SalesDeskDomain

/// Everything the lead screen shows: the lead, its people, its follow-ups and its history.
public struct LeadDetail: Sendable {
    public var lead: Lead
    public var contact: Contact
    public var account: Account?
    public var owner: User
    /// Planned first, then done and cancelled, newest first.
    public var activities: [Activity]
    /// Audit entries, oldest first: stage moves, assignments, edits.
    public var history: [AuditEntry]
    public var scoreBreakdown: [LeadScoring.Contribution]
}

/// Everything the ticket screen shows.
public struct TicketDetail: Sendable {
    public var ticket: Ticket
    public var account: Account?
    public var contact: Contact?
    public var assignee: User?
    public var teamName: String?
    /// The first-response clock; nil once answered or closed.
    public var firstResponse: FirstResponseDue?
    /// Met, breached (late or never answered), running, or closed without a reply.
    public var firstResponseRecord: FirstResponseRecord
    public var comments: [TicketComment]
    public var history: [AuditEntry]
}

extension AppDatabase {
    /// The lead screen's data, or ``DomainError/notFound(_:)``.
    public func leadDetail(_ leadID: Int64) throws -> LeadDetail {
        try writer.read { db in
            let lead = try fetchLead(db, leadID)
            guard let contact = try Contact.fetchOne(db, id: lead.contactID), let owner = try User.fetchOne(db, id: lead.ownerID) else {
                throw DomainError.notFound("Lead #\(leadID)'s contact or owner")
            }
            let account = try lead.accountID.flatMap { try Account.fetchOne(db, id: $0) }
            let activities = try Activity.fetchAll(db, sql: """
                SELECT * FROM activity WHERE record_kind = 'lead' AND record_id = ?
                ORDER BY state = 'planned' DESC, due_at DESC LIMIT 200
                """, arguments: [leadID])
            let history = try AuditEntry.fetchAll(db, sql: """
                SELECT * FROM audit_entry WHERE record_kind = 'lead' AND record_id = ? ORDER BY id LIMIT 500
                """, arguments: [leadID])
            let stored = try String.fetchOne(db, sql: "SELECT score_breakdown FROM lead WHERE id = ?", arguments: [leadID])
            let breakdown = ScoreBreakdownJSON.decode(stored) ?? LeadScoring().breakdown(for: .init(
                source: lead.source, title: contact.title, hasEmail: contact.email != nil, hasPhone: contact.phone != nil,
                hasCompany: account != nil))
            return LeadDetail(lead: lead, contact: contact, account: account, owner: owner, activities: activities, history: history, scoreBreakdown: breakdown)
        }
    }

    /// The ticket screen's data, or ``DomainError/notFound(_:)``.
    public func ticketDetail(_ ticketID: Int64) throws -> TicketDetail {
        try writer.read { db in
            let ticket = try fetchTicket(db, ticketID)
            guard let clockRow = try Row.fetchOne(db, sql: """
                SELECT ticket.sla_used_seconds, ticket.sla_running_since, ticket.first_response_breached_at,
                       team.name AS team_name, team.time_zone AS team_time_zone
                FROM ticket LEFT JOIN team ON team.id = ticket.team_id WHERE ticket.id = ?
                """, arguments: [ticketID]) else { throw DomainError.notFound("Ticket \(Ticket.number(for: ticketID))") }
            let isClosed = [.resolved, .deployed, .closed].contains(ticket.status)
            let record = FirstResponseRecord.of(
                firstResponseAt: ticket.firstResponseAt, recordedBreachAt: (clockRow["first_response_breached_at"] as Int64?).date,
                isClosed: isClosed, clock: firstResponseClock(ticket, row: clockRow))
            return TicketDetail(
                ticket: ticket,
                account: try ticket.accountID.flatMap { try Account.fetchOne(db, id: $0) },
                contact: try ticket.contactID.flatMap { try Contact.fetchOne(db, id: $0) },
                assignee: try ticket.assigneeID.flatMap { try User.fetchOne(db, id: $0) },
                teamName: clockRow["team_name"],
                firstResponse: firstResponseDue(ticket, row: clockRow),
                firstResponseRecord: record,
                comments: try TicketComment.fetchAll(db, sql: "SELECT * FROM ticket_comment WHERE ticket_id = ? ORDER BY id", arguments: [ticketID]),
                history: try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_entry WHERE record_kind = 'ticket' AND record_id = ? ORDER BY id", arguments: [ticketID]))
        }
    }

    /// Audit entries of one record, oldest first.
    public func history(of record: RecordReference) throws -> [AuditEntry] {
        try writer.read { db in
            try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_entry WHERE record_kind = ? AND record_id = ? ORDER BY id",
                                    arguments: [record.kind, record.id])
        }
    }

    /// A follow-up by id.
    public func activity(_ id: Int64) throws -> Activity? {
        try writer.read { db in try Activity.fetchOne(db, id: id) }
    }

    /// A contact by id, consent flags and country included (what a contact screen shows); nil when there is none.
    public func contact(_ id: Int64) throws -> Contact? {
        try writer.read { db in try Contact.fetchOne(db, id: id) }
    }

    /// A lead by id.
    public func lead(_ id: Int64) throws -> Lead? {
        try writer.read { db in try Lead.fetchOne(db, id: id) }
    }

    /// A ticket by id.
    public func ticket(_ id: Int64) throws -> Ticket? {
        try writer.read { db in try Ticket.fetchOne(db, id: id) }
    }
}
