import Foundation
import GRDB
import SalesDeskDomain

/// A user's open work: what must be handed over before they leave.
public struct OpenWork: Sendable, Equatable, CustomStringConvertible {
    /// Leads not Won or Lost.
    public var leads: Int
    /// Planned follow-ups.
    public var followUps: Int
    /// Tickets not Closed.
    public var tickets: Int

    public init(leads: Int, followUps: Int, tickets: Int) {
        self.leads = leads
        self.followUps = followUps
        self.tickets = tickets
    }

    public var isEmpty: Bool { leads + followUps + tickets == 0 }
    public var description: String { "\(leads) open leads, \(followUps) planned follow-ups, \(tickets) open tickets" }
}

extension AppDatabase {
    private static let openLeads = "owner_id = ? AND stage NOT IN ('won', 'lost')"
    private static let plannedFollowUps = "owner_id = ? AND state = 'planned'"
    private static let openTickets = "assignee_id = ? AND status <> 'closed'"

    /// Counts what `userID` still owns.
    public func openWork(of userID: Int64) throws -> OpenWork {
        try writer.read { db in try Self.openWork(db, userID) }
    }

    /// Deactivates a user: they can no longer act, their history stays, and their open leads, planned
    /// follow-ups and open tickets go to `successorID` — all in one transaction, each move audited.
    ///
    /// A user with open work and no successor is refused (nothing would be left unowned).
    @discardableResult
    public func deactivateUser(_ userID: Int64, reassignTo successorID: Int64?, by actor: User) throws -> OpenWork {
        let at = now()
        return try writer.write { db in
            guard let leaving = try User.fetchOne(db, id: userID) else { throw DomainError.notFound("User #\(userID)") }
            try require(db, leaving.role == .admin ? .manageUsers : .reassignWork, by: actor, record: leaving.handle)
            guard leaving.isActive else { throw DomainError.invalidField(field: "user", reason: "\(leaving.handle) is already deactivated") }
            guard leaving.id != actor.id else { throw DomainError.notPermitted("you cannot deactivate yourself. Ask another manager or admin.") }
            let work = try Self.openWork(db, userID)
            var chain = try AuditChainAppender(db, recordingState: true)
            if !work.isEmpty {
                guard let successorID else {
                    throw DomainError.invalidField(field: "reassign to", reason: "\(leaving.handle) still has \(work). Name who takes them over (--reassign-to HANDLE).")
                }
                guard let successor = try User.fetchOne(db, id: successorID), successor.isActive, successorID != userID else {
                    throw DomainError.notFound("Active user #\(successorID) to take over the work")
                }
                if work.leads > 0 { try permissions.checkCanHold(.lead, successor) }
                if work.tickets > 0 { try permissions.checkCanHold(.ticket, successor) }
                try reassign(db, from: leaving, to: successor, by: actor, at: at, chain: &chain)
            }
            try db.execute(sql: "UPDATE user SET is_active = 0 WHERE id = ?", arguments: [userID])
            try chain.append(db, AuditEntry(userID: actor.id, at: at, record: .user(userID), action: "deactivate", field: "active", before: "yes", after: "no"))
            return work
        }
    }

    /// Lets a deactivated user act again.
    public func reactivateUser(_ userID: Int64, by actor: User) throws {
        let at = now()
        try writer.write { db in
            try require(db, .manageUsers, by: actor)
            guard let user = try User.fetchOne(db, id: userID) else { throw DomainError.notFound("User #\(userID)") }
            guard !user.isActive else { return }
            try db.execute(sql: "UPDATE user SET is_active = 1 WHERE id = ?", arguments: [userID])
            try AuditLog.changed(db, .user(userID), action: "reactivate", by: actor.id, at: at, [.init(field: "active", before: "no", after: "yes")])
        }
    }

    private func reassign(_ db: Database, from leaving: User, to successor: User, by actor: User, at: Date, chain: inout AuditChainAppender) throws {
        let moves: [(table: String, column: String, condition: String, kind: (Int64) -> RecordReference)] = [
            ("lead", "owner_id", Self.openLeads, RecordReference.lead),
            ("activity", "owner_id", Self.plannedFollowUps, RecordReference.activity),
            ("ticket", "assignee_id", Self.openTickets, RecordReference.ticket),
        ]
        for move in moves {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM \(move.table) WHERE \(move.condition)", arguments: [leaving.id])
            try db.execute(sql: "UPDATE \(move.table) SET \(move.column) = ? WHERE \(move.condition)", arguments: [successor.id, leaving.id])
            for id in ids {
                try chain.append(db, AuditEntry(userID: actor.id, at: at, record: move.kind(id), action: "reassign",
                                                field: move.table == "ticket" ? "assignee" : "owner", before: leaving.handle, after: successor.handle))
            }
        }
        try Notifications.send(db, to: successor.id!, kind: .assignment, record: .user(leaving.id!),
                               title: "You took over \(leaving.name)'s open work", body: "by \(actor.handle)", at: at)
    }

    private static func openWork(_ db: Database, _ userID: Int64) throws -> OpenWork {
        func count(_ table: String, _ condition: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: [userID]) ?? 0
        }
        return OpenWork(leads: try count("lead", openLeads), followUps: try count("activity", plannedFollowUps), tickets: try count("ticket", openTickets))
    }
}
