import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// Performs a firing's plans inside the firing's transaction, as the rule's author (their permissions apply),
/// and audits each write as "rule R v3 (by jonas), caused by event #N".
struct RuleActionPerformer {
    let database: AppDatabase
    let rule: StoredRule
    let author: User
    let subject: RuleSubject
    /// "caused by event #N" or "at 2026-11-24T09:00:00Z".
    let cause: String
    let at: Date
    let runID: Int64
    /// The transaction's shared audit chain head.
    let batch: FiringBatch
    /// Set for a firing that catches up on missed time: its notifications go into the users' away digests.
    var digests: RuleDigests? = nil

    private var reference: RecordReference? {
        guard subject.isRecord else { return nil }
        switch subject.kind {
        case .lead: return .lead(subject.id)
        case .ticket: return .ticket(subject.id)
        case .followUp: return .activity(subject.id)
        case .account: return .account(subject.id)
        }
    }

    /// A firing's plans with who each notification goes to, found before anything is written.
    struct Prepared {
        let plans: [ActionPlan]
        /// Per plan: the users a notification goes to (empty for other plans).
        let recipients: [[Int64]]

        /// Whether performing the plans only inserts rows (the firing's audit entry, notifications, notes), with
        /// nothing left to check or refuse once the first is written: such a firing needs no savepoint of its own.
        var onlyInserts: Bool {
            plans.allSatisfy { plan in
                switch plan {
                case .notify, .addNote, .unavailable: true
                default: false
                }
            }
        }
    }

    /// Reads what the plans need before any write (who is told); a refusal here ("no active user called …") has
    /// written nothing.
    func prepare(_ plans: [ActionPlan], _ db: Database) throws -> Prepared {
        let recipients = try plans.map { plan -> [Int64] in
            guard case .notify(let recipient, _) = plan else { return [] }
            return try self.recipients(recipient, db)
        }
        return Prepared(plans: plans, recipients: recipients)
    }

    /// Performs every prepared plan; the first failure throws (the caller rolls the firing back and records the error).
    func perform(_ prepared: Prepared, _ db: Database) throws {
        if let reference {
            try batch.appendAudit(db, AuditEntry(userID: author.id, at: at, record: reference, action: "rule_fired",
                                                 after: "\(rule.attribution), \(cause)"))
        }
        for (plan, told) in zip(prepared.plans, prepared.recipients) {
            try perform(plan, told: told, db)
        }
    }

    private func owner(_ db: Database) throws -> Int64? {
        guard subject.isRecord else { return nil }
        switch subject.kind {
        case .lead: return try Int64.fetchOne(db.cachedStatement(sql: "SELECT owner_id FROM lead WHERE id = ?"), arguments: [subject.id])
        case .ticket: return try Int64.fetchOne(db.cachedStatement(sql: "SELECT assignee_id FROM ticket WHERE id = ?"), arguments: [subject.id])
        case .followUp: return try Int64.fetchOne(db.cachedStatement(sql: "SELECT owner_id FROM activity WHERE id = ?"), arguments: [subject.id])
        case .account: return try Int64.fetchOne(db.cachedStatement(sql: "SELECT owner_id FROM account WHERE id = ?"), arguments: [subject.id])
        }
    }

    private func perform(_ plan: ActionPlan, told: [Int64] = [], _ db: Database) throws {
        switch plan {
        case .createFollowUp(let type, let subjectText, let dueAt, let assignee):
            let ownerID = try resolve(assignee, db)
            let record: RecordReference? = subject.kind == .followUp
                ? try Activity.fetchOne(db, id: subject.id)?.record : reference
            let input = NewFollowUp(type: ActivityType(rawValue: type) ?? .task, subject: subjectText, dueAt: dueAt, ownerID: ownerID, record: record)
            try database.insertFollowUp(db, input, by: author, at: at)
        case .assign(let assignee):
            guard subject.kind == .lead else { throw RuleActionError.notForRecord("assign", subject.kind) }
            try database.assignLead(db, subject.id, to: try resolve(assignee, db), by: author, at: at)
        case .set(let field, let value, let reason):
            try set(field, value, reason: reason, db)
        case .addTag(let tag):
            guard subject.kind == .lead, var lead = try Lead.fetchOne(db, id: subject.id) else { throw RuleActionError.notForRecord("add tag", subject.kind) }
            guard !lead.tags.contains(tag) else { return }
            let before = lead.tags.joined(separator: ",")
            lead.tags.append(tag)
            lead.updatedAt = at
            try lead.update(db)
            try AuditLog.changed(db, .lead(subject.id), action: "update", by: author.id, at: at, [
                .init(field: "tags", before: before, after: lead.tags.joined(separator: ",")),
            ])
        case .addNote(let note):
            guard let reference else { return }
            try batch.appendAudit(db, AuditEntry(userID: author.id, at: at, record: reference, action: "note", field: "note", after: note))
        case .notify(_, let title):
            for userID in told {
                if let digests {
                    digests.add(to: userID, title: title, record: reference)
                    continue
                }
                try Notifications.send(db, to: userID, kind: .automation, record: reference, title: title,
                                       body: "\(rule.attribution), \(cause)", at: at, dedupeKey: "rule:\(runID):\(userID):\(Self.stableHash(title))")
            }
        case .runHook(let name):
            let payload = try RuleHookPayload(rule: rule, subject: subject, cause: cause, runID: runID, at: at).json()
            try db.execute(sql: """
                INSERT INTO automation_hook (run_id, hook, payload, next_attempt_at) VALUES (?, ?, ?, ?)
                """, arguments: [runID, name, payload, at.epochSeconds])
        case .escalateTicket:
            guard subject.kind == .ticket, let ticket = try Ticket.fetchOne(db, id: subject.id) else { throw RuleActionError.notForRecord("escalate", subject.kind) }
            let higher = TicketPriority.allCases.sorted().first { $0 > ticket.priority } ?? ticket.priority
            if higher != ticket.priority { try setTicketPriority(higher, db) }
            if let manager = try Recipients.teamManager(ticket.teamID, db) {
                try Notifications.send(db, to: manager, kind: .escalation, record: .ticket(subject.id),
                                       title: "Escalated: \(ticket.number) \(ticket.subject)", body: "\(rule.attribution), \(cause)", at: at)
            }
        case .unavailable:
            return
        }
    }

    private func set(_ field: RuleField, _ value: RuleValue, reason: String?, _ db: Database) throws {
        switch (subject.kind, field) {
        case (.lead, .stage):
            let stage = try database.configuration.pipeline.stage(named: value.textValue)
            let loss = try reason.map { text throws -> LossReason in
                try (try? LossReason.parse(text)) ?? LossReason.parse("other", note: text)
            }
            _ = try database.moveLead(db, subject.id, to: stage, reason: loss, by: author, at: at)
        case (.lead, .tags):
            try perform(.addTag(value.textValue), db)
        case (.ticket, .priority):
            guard let priority = TicketPriority.parse(value.textValue) else { throw RuleActionError.badValue(field, value.textValue) }
            try setTicketPriority(priority, db)
        default:
            throw RuleActionError.notForRecord("set \(field.rawValue)", subject.kind)
        }
    }

    private func setTicketPriority(_ priority: TicketPriority, _ db: Database) throws {
        guard var ticket = try Ticket.fetchOne(db, id: subject.id) else { return }
        try database.require(db, .workTicket, by: author, ownerID: ticket.assigneeID, record: ticket.number)
        let before = ticket.priority
        ticket.priority = priority
        ticket.updatedAt = at
        try ticket.update(db)
        try TicketClock.plan(db, ticketID: subject.id, configuration: database.configuration)
        try AuditLog.changed(db, .ticket(subject.id), action: "priority", by: author.id, at: at, [
            .init(field: "priority", before: before.label, after: priority.label),
        ])
    }

    /// The user who gets assigned or created work.
    private func resolve(_ assignee: Assignee, _ db: Database) throws -> Int64 {
        switch assignee {
        case .owner:
            guard let owner = try owner(db) else { throw RuleActionError.nobody("the record has no owner") }
            return owner
        case .user(let name):
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE is_active AND (handle = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)",
                                              arguments: [name, name]) else { throw RuleActionError.nobody("no active user called \"\(name)\"") }
            return id
        case .roundRobin(let team), .byCountry(let team):
            let members = try teamMembers(team, db)
            let turn = try Int64.fetchOne(db, sql: "SELECT position FROM automation_cursor WHERE name = ?", arguments: ["round-robin:\(team.lowercased())"]) ?? 0
            try db.execute(sql: """
                INSERT INTO automation_cursor (name, position) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET position = position + 1
                """, arguments: ["round-robin:\(team.lowercased())"])
            return members[Int(turn % Int64(members.count))]
        case .leastLoaded(let team):
            let members = try teamMembers(team, db)
            let load = try Dictionary(uniqueKeysWithValues: members.map { id in
                (id, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE owner_id = ? AND state = 'planned'", arguments: [id]) ?? 0)
            })
            return members.min { (load[$0]!, $0) < (load[$1]!, $1) }!
        }
    }

    private func teamMembers(_ team: String, _ db: Database) throws -> [Int64] {
        let members = try Int64.fetchAll(db, sql: """
            SELECT user.id FROM user JOIN team ON team.id = user.team_id WHERE team.name = ? COLLATE NOCASE AND user.is_active ORDER BY user.id
            """, arguments: [team])
        guard !members.isEmpty else { throw RuleActionError.nobody("team \"\(team)\" has no active members") }
        return members
    }

    private func recipients(_ recipient: Recipient, _ db: Database) throws -> [Int64] {
        let owner = try owner(db)
        switch recipient {
        case .owner: return owner.map { [$0] } ?? []
        case .manager: return try owner.flatMap { try Recipients.manager(of: $0, db) }.map { [$0] } ?? []
        case .ownersTeam:
            guard let owner else { return [] }
            let mates = try Int64.fetchAll(db, sql: """
                SELECT id FROM user WHERE is_active AND team_id = (SELECT team_id FROM user WHERE id = ?)
                """, arguments: [owner])
            return Array(Set(mates + [owner])).sorted()
        case .teamManager:
            let teamID: Int64? = subject.kind == .ticket
                ? try Int64.fetchOne(db, sql: "SELECT team_id FROM ticket WHERE id = ?", arguments: [subject.id])
                : try owner.flatMap { try Int64.fetchOne(db, sql: "SELECT team_id FROM user WHERE id = ?", arguments: [$0]) }
            return try Recipients.teamManager(teamID, db).map { [$0] } ?? []
        case .team(let team): return try teamMembers(team, db)
        case .user(let name): return [try resolve(.user(name), db)]
        }
    }
}

/// Why an action could not be performed; recorded in the run log.
enum RuleActionError: Error, CustomStringConvertible {
    case notForRecord(String, RecordKind)
    case badValue(RuleField, String)
    case nobody(String)

    var description: String {
        switch self {
        case .notForRecord(let action, let kind): "'\(action)' does not apply to a \(kind.word)"
        case .badValue(let field, let value): "'\(value)' is not a \(field.rawValue)"
        case .nobody(let why): "nobody to give it to: \(why)"
        }
    }
}

extension RuleActionPerformer {
    /// A hash of `text` that is the same in every process (FNV-1a, 64 bits, hex): a notification's dedupe key must
    /// not change when a retried run performs its actions in another process (`hashValue` is seeded per process).
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
