import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Opens a ticket in New, routed to the team its category maps to.
    @discardableResult
    public func createTicket(_ input: NewTicket, by user: User) throws -> Ticket {
        let at = now()
        return try writer.write { db in
            try require(db, .createTicket, by: user)
            return try insertTicket(db, input, by: user, at: at)
        }
    }

    /// Moves a ticket along the flow. Closing needs `customerConfirmed`; reopening goes back to In Process.
    @discardableResult
    public func moveTicket(_ ticketID: Int64, to status: TicketStatus, customerConfirmed: Bool = false, by user: User) throws -> Ticket {
        let at = now()
        return try writer.write { db in
            var ticket = try fetchTicket(db, ticketID)
            try require(db, .workTicket, by: user, ownerID: ticket.assigneeID, record: ticket.number)
            try TicketFlow.standard.validateMove(from: ticket.status, to: status, hasAssignee: ticket.assigneeID != nil, customerConfirmed: customerConfirmed)
            let before = ticket.status
            ticket.status = status
            ticket.updatedAt = at
            switch status {
            case .resolved: ticket.resolvedAt = at
            case .closed: ticket.closedAt = at
            case .inProcess where before == .closed || before == .resolved || before == .deployed:
                ticket.resolvedAt = nil
                ticket.closedAt = nil
            default: break
            }
            try ticket.update(db)
            try updateTicketClock(db, ticketID, from: before, to: status, at: at)
            try History.ticketStatus(db, ticket: ticketID, from: before, to: status, at: at, by: user.id)
            try AuditLog.changed(db, .ticket(ticketID), action: "move_status", by: user.id, at: at, [
                .init(field: "status", before: before.label, after: status.label),
            ])
            return ticket
        }
    }

    /// Gives a ticket to a user; a New ticket becomes Assigned.
    @discardableResult
    public func assignTicket(_ ticketID: Int64, to assigneeID: Int64, by user: User) throws -> Ticket {
        let at = now()
        return try writer.write { db in
            var ticket = try fetchTicket(db, ticketID)
            try require(db, .assignTicket, by: user, ownerID: ticket.assigneeID, record: ticket.number)
            guard let assignee = try User.fetchOne(db, id: assigneeID), assignee.isActive else {
                throw DomainError.notFound("Active user #\(assigneeID)")
            }
            try permissions.checkCanHold(.ticket, assignee)
            let previous = try ticket.assigneeID.flatMap { try User.fetchOne(db, id: $0) }
            let beforeStatus = ticket.status
            ticket.assigneeID = assigneeID
            if ticket.status == .new { ticket.status = .assigned }
            ticket.updatedAt = at
            try ticket.update(db)
            try AuditLog.changed(db, .ticket(ticketID), action: "assign", by: user.id, at: at, [
                .init(field: "assignee", before: previous?.handle, after: assignee.handle),
                .init(field: "status", before: beforeStatus.label, after: ticket.status.label),
            ])
            try History.ticketStatus(db, ticket: ticketID, from: beforeStatus, to: ticket.status, at: at, by: user.id)
            if assigneeID != user.id {
                try Notifications.send(db, to: assigneeID, kind: .assignment, record: .ticket(ticketID),
                                       title: "\(ticket.number) assigned to you", body: ticket.subject, at: at)
            }
            return ticket
        }
    }

    /// Changes a ticket's priority.
    @discardableResult
    public func setTicketPriority(_ ticketID: Int64, _ priority: TicketPriority, by user: User) throws -> Ticket {
        try updateTicket(ticketID, action: "priority", by: user) { ticket, db in
            let before = ticket.priority
            ticket.priority = priority
            try ticket.update(db)
            try TicketClock.plan(db, ticketID: ticketID, configuration: configuration)
            return [.init(field: "priority", before: before.label, after: priority.label)]
        }
    }

    /// Changes a ticket's category and re-routes it to that category's team.
    @discardableResult
    public func setTicketCategory(_ ticketID: Int64, _ category: TicketCategory, by user: User) throws -> Ticket {
        try updateTicket(ticketID, action: "category", by: user) { ticket, db in
            let before = (ticket.category, ticket.teamID)
            ticket.category = category
            ticket.teamID = try routedTeamID(db, for: category)
            // Team names, not ids: the timeline shows the team as it was called then.
            let teamName = { (id: Int64?) in try id.flatMap { try String.fetchOne(db, sql: "SELECT name FROM team WHERE id = ?", arguments: [$0]) } }
            return [
                .init(field: "category", before: before.0.label, after: category.label),
                .init(field: "team", before: try teamName(before.1), after: try teamName(ticket.teamID)),
            ]
        }
    }

    /// Adds a comment. A customer-visible comment is the ticket's first response if none came before.
    @discardableResult
    public func commentOnTicket(_ ticketID: Int64, body: String, customerVisible: Bool, by user: User) throws -> TicketComment {
        let at = now()
        let text = try FieldRules.text(body.trimmingCharacters(in: .whitespacesAndNewlines), field: "comment")
        guard !text.isEmpty else { throw DomainError.invalidField(field: "comment", reason: "is empty") }
        return try writer.write { db in
            var ticket = try fetchTicket(db, ticketID)
            try require(db, .workTicket, by: user, ownerID: ticket.assigneeID, record: ticket.number)
            var comment = TicketComment(ticketID: ticketID, authorID: user.id!, body: text, isCustomerVisible: customerVisible, createdAt: at)
            try comment.insert(db)
            let isFirstResponse = customerVisible && ticket.firstResponseAt == nil
            if isFirstResponse {
                try TicketClock.recordBreachIfPast(db, ticketID: ticketID, at: at, configuration: configuration)
                ticket.firstResponseAt = at
                try ScheduledWork.cancel(db, .ticket(ticketID), kinds: [.slaWarning, .slaBreach])
            }
            ticket.updatedAt = at
            try ticket.update(db)
            if isFirstResponse {
                try TicketFigures.answered(db, ticketID: ticketID, at: at, configuration: configuration)
            }
            try AuditLog.changed(db, .ticket(ticketID), action: customerVisible ? "reply" : "internal_note", by: user.id, at: at, [
                .init(field: "comment", before: nil, after: String(text.prefix(200))),
            ])
            return comment
        }
    }

    func insertTicket(_ db: Database, _ input: NewTicket, by user: User, at: Date) throws -> Ticket {
        let subject = try FieldRules.requiredName(input.subject, field: "subject")
        let description = try FieldRules.text(input.description, field: "description")
        var ticket = Ticket(
            accountID: input.accountID, contactID: input.contactID, subject: subject, description: description,
            priority: input.priority, category: input.category, teamID: try routedTeamID(db, for: input.category), createdAt: at)
        try ticket.insert(db)
        try AuditLog.created(db, .ticket(ticket.id!), by: user.id, at: at, summary: "\(ticket.number) \(subject)")
        try History.ticketStatus(db, ticket: ticket.id!, from: nil, to: ticket.status, at: at, by: user.id)
        try SearchIndex.indexTicket(db, ticket)
        try db.execute(sql: "UPDATE ticket SET sla_running_since = created_at WHERE id = ?", arguments: [ticket.id])
        try TicketClock.plan(db, ticketID: ticket.id!, configuration: configuration)
        return ticket
    }

    /// Pauses the first-response clock while Pending at Customer, resumes it after, and stops all
    /// pending ticket work once the ticket is resolved or closed; a deadline already passed is recorded
    /// as a breach first (unless the ticket was already settled: its clock stopped then). The ticket's support
    /// figures follow the move (``TicketFigures``).
    private func updateTicketClock(_ db: Database, _ ticketID: Int64, from before: TicketStatus, to status: TicketStatus, at: Date) throws {
        // A settled ticket's clock stopped when it settled (and its breach, if any, was recorded then).
        if !before.isSettled { try TicketClock.recordBreachIfPast(db, ticketID: ticketID, at: at, configuration: configuration) }
        try TicketFigures.statusChanged(db, ticketID: ticketID, from: before, to: status, at: at, configuration: configuration)
        switch status {
        case .pendingAtCustomer: try TicketClock.pause(db, ticketID: ticketID, at: at, configuration: configuration)
        case .resolved, .deployed, .closed: try ScheduledWork.cancel(db, .ticket(ticketID), kinds: DueWork.Kind.allCases)
        default: if before == .pendingAtCustomer { try TicketClock.resume(db, ticketID: ticketID, at: at, configuration: configuration) }
        }
    }

    func fetchTicket(_ db: Database, _ ticketID: Int64) throws -> Ticket {
        guard let ticket = try Ticket.fetchOne(db, id: ticketID) else { throw DomainError.notFound("Ticket \(Ticket.number(for: ticketID))") }
        return ticket
    }

    private func routedTeamID(_ db: Database, for category: TicketCategory) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM team WHERE name = ? COLLATE NOCASE",
                           arguments: [configuration.ticketRouting.team(for: category)])
    }

    private func updateTicket(
        _ ticketID: Int64, action: String, by user: User, _ change: (inout Ticket, Database) throws -> [AuditLog.Change]
    ) throws -> Ticket {
        let at = now()
        return try writer.write { db in
            var ticket = try fetchTicket(db, ticketID)
            try require(db, .workTicket, by: user, ownerID: ticket.assigneeID, record: ticket.number)
            let changes = try change(&ticket, db)
            ticket.updatedAt = at
            try ticket.update(db)
            try AuditLog.changed(db, .ticket(ticketID), action: action, by: user.id, at: at, changes)
            return ticket
        }
    }
}
