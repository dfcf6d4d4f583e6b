import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Carries out a ``DeskWrite`` through the store's named, audited writes, and says what happened.
struct WriteRunner {
    let database: AppDatabase

    /// Runs `write` for each id of a bulk action: one record's refusal does not stop the others, and is
    /// returned as `#id: reason`; a single record's refusal is thrown, so its form can show it.
    static func each(_ ids: [Int64], _ write: (Int64) throws -> Any) throws -> [String] {
        var refusals: [String] = []
        for id in ids {
            do {
                _ = try write(id)
            } catch let error as DomainError {
                if ids.count == 1 { throw error }
                refusals.append("#\(id): \(error.description)")
            }
        }
        return refusals
    }

    /// ` Refused: #3: …; #9: …` or nothing.
    static func describe(_ refusals: [String]) -> String {
        refusals.isEmpty ? "" : " Refused: \(refusals.joined(separator: "; "))"
    }

    /// Performs the write; returns the status line text, or throws the refusal.
    func perform(_ write: DeskWrite, session: DeskSession) throws -> String {
        let user = session.user
        let zone = session.zone
        switch write {
        case .completeFollowUp(let id, let outcome, let nextFollowUp, let stage, let lossReason):
            let next = try nextFollowUp.map { next in
                NewFollowUp(type: next.type, subject: next.subject, dueAt: try TimeExpression.parse(next.due, now: session.now, timeZone: zone))
            }
            let done = try database.completeFollowUp(id, outcome: outcome, next: next, moveLeadTo: stage, lossReason: lossReason, by: user)
            let scheduled = next.map { " Next: \($0.type.label.lowercased()) “\($0.subject)” \(Format.time($0.dueAt, zone: user.timeZoneID))." } ?? ""
            return "Completed “\(done.subject)”." + scheduled + (stage.map { " Lead moved to \(session.pipeline.name(of: $0))." } ?? "")
        case .logActivity(let record, let type, let subject, let outcome):
            try database.logActivity(NewFollowUp(type: type, subject: subject, dueAt: session.now, record: record), outcome: outcome, by: user)
            return "Logged \(type.label.lowercased()) “\(subject)”."
        case .rescheduleFollowUps(let ids, let text, let reason):
            let due = try TimeExpression.parse(text, now: session.now, timeZone: zone)
            let refusals = try Self.each(ids) { try database.rescheduleFollowUp($0, to: due, reason: reason, by: user) }
            let done = ids.count - refusals.count
            let what = ids.count == 1 ? "#\(ids[0])" : "\(done) follow-up\(done == 1 ? "" : "s")"
            return "Rescheduled \(what) to \(Format.time(due, zone: user.timeZoneID))." + Self.describe(refusals)
        case .snoozeFollowUp(let id):
            guard let activity = try database.activity(id) else { throw DomainError.notFound("Follow-up #\(id)") }
            let due = max(activity.dueAt, session.now).addingTimeInterval(3600)
            try database.rescheduleFollowUp(id, to: due, reason: "Snoozed 1 hour", by: user)
            return "Snoozed #\(id) to \(Format.time(due, zone: user.timeZoneID))."
        case .moveLeads(let ids, let stage, let lossReason):
            let refusals = try Self.each(ids) { try database.moveLead($0, to: stage, reason: lossReason, by: user) }
            let moved = ids.count - refusals.count
            return "Moved \(moved) lead\(moved == 1 ? "" : "s") to \(session.pipeline.name(of: stage))." + Self.describe(refusals)
        case .assignLeads(let ids, let handle):
            guard let owner = try database.user(handle: handle.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalidField(field: "owner", reason: "no desk user '\(handle)'")
            }
            for id in ids { try database.assignLead(id, to: owner.id!, by: user) }
            return "Assigned \(ids.count) lead\(ids.count == 1 ? "" : "s") to \(owner.handle)."
        case .assignTicket(let id, let handle):
            guard let assignee = try database.user(handle: handle.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalidField(field: "assignee", reason: "no desk user '\(handle)'")
            }
            try database.assignTicket(id, to: assignee.id!, by: user)
            return "\(Ticket.number(for: id)) assigned to \(assignee.handle)."
        case .moveTicket(let id, let status, let confirmed):
            try database.moveTicket(id, to: status, customerConfirmed: confirmed, by: user)
            return "\(Ticket.number(for: id)) is now \(status.label)."
        case .cycleTicketPriority(let id):
            guard let ticket = try database.ticket(id) else { throw DomainError.notFound("Ticket \(Ticket.number(for: id))") }
            let all = TicketPriority.allCases
            let next = all[((all.firstIndex(of: ticket.priority) ?? 0) + 1) % all.count]
            try database.setTicketPriority(id, next, by: user)
            return "\(ticket.number) priority \(next.label)."
        case .commentOnTicket(let id, let body, let toCustomer):
            try database.commentOnTicket(id, body: body, customerVisible: toCustomer, by: user)
            return toCustomer ? "Reply sent on \(Ticket.number(for: id))." : "Internal note added to \(Ticket.number(for: id))."
        case .acknowledgeNotification(let id):
            try database.acknowledgeNotification(id, by: user)
            return "Acknowledged."
        case .snoozeNotification(let id):
            try database.snoozeNotification(id, until: session.now.addingTimeInterval(3600), by: user)
            return "Snoozed for an hour."
        case .createLead(let input): return try createLead(input, session: session)
        case .editLead(let id, let input): return try editLead(id, input, session: session)
        case .toggleOnHold(let id): return try toggleOnHold(id, session: session)
        case .createTicket(let input): return try createTicket(input, session: session)
        case .setTicketCategory(let id, let category): return try setTicketCategory(id, category, session: session)
        case .scheduleFollowUp(let input): return try scheduleFollowUp(input, session: session)
        case .mergeContacts(let keep, let duplicate): return try mergeContacts(keepingLead: keep, duplicateLead: duplicate, session: session)
        }
    }
}
