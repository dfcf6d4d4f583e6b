import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// A lead's or ticket's history as sentences, newest first, each event once: what changed (stage moves,
    /// assignments, edits, from the audit log), what was done (follow-ups completed, logged, rescheduled with
    /// their reason, cancelled), replies and internal notes, and a missed first-response target.
    ///
    /// People, teams, stages and categories are named as they were at the time of each event; times inside
    /// sentences (a reschedule's old and new time) are written in `zone`, the reader's.
    ///
    /// ```swift
    /// for entry in try database.timeline(for: .lead(42), in: userZone) {
    ///     print(entry.at, entry.actor ?? "Sales Desk", entry.sentence)   // "… Ana Silva Moved from Connected to Lost (reason: Price too high)"
    /// }
    /// ```
    public func timeline(for record: RecordReference, in zone: TimeZone, limit: Int = 500) throws -> [TimelineEntry] {
        try writer.read { db in
            var builder = try TimelineBuilder(db, zone: zone)
            switch record {
            case .lead(let id): try builder.addLead(db, id)
            case .ticket(let id): try builder.addTicket(db, id)
            default: throw DomainError.invalidField(field: "timeline", reason: "only leads and tickets have a timeline")
            }
            return Array(builder.newestFirst.prefix(limit))
        }
    }
}

/// Collects a record's events from their own tables (audit log, follow-ups, reschedules, comments).
private struct TimelineBuilder {
    private var entries: [(entry: TimelineEntry, order: Int)] = []
    private let userNames: [Int64: String]
    private let sentences: TimelineSentences
    private let zone: TimeZone

    init(_ db: Database, zone: TimeZone) throws {
        let users = try Row.fetchAll(db, sql: "SELECT id, handle, name FROM user")
        userNames = Dictionary(users.map { ($0["id"] as Int64, $0["name"] as String) }, uniquingKeysWith: { first, _ in first })
        let teams = try Row.fetchAll(db, sql: "SELECT id, name FROM team")
        sentences = TimelineSentences(names: .init(
            userByHandle: Dictionary(users.map { (($0["handle"] as String).lowercased(), $0["name"] as String) }, uniquingKeysWith: { first, _ in first }),
            teamByID: Dictionary(teams.map { (String($0["id"] as Int64), $0["name"] as String) }, uniquingKeysWith: { first, _ in first })))
        self.zone = zone
    }

    var newestFirst: [TimelineEntry] {
        entries.sorted { ($0.entry.at, $0.order) > ($1.entry.at, $1.order) }.map(\.entry)
    }

    private mutating func add(_ at: Date, _ userID: Int64?, _ sentence: String, _ kind: TimelineEntry.Kind) {
        entries.append((TimelineEntry(at: at, actor: userID.flatMap { userNames[$0] }, sentence: sentence, kind: kind), entries.count))
    }

    mutating func addLead(_ db: Database, _ leadID: Int64) throws {
        guard let lead = try Lead.fetchOne(db, id: leadID) else { throw DomainError.notFound("Lead #\(leadID)") }
        let history = try auditEvents(db, .lead(leadID))
        let creator = history.first { $0.first?.action == "create" }?.first?.userID
        add(lead.createdAt, creator, "Created the lead (source: \(lead.source.label))", .created)
        addAudit(history)
        try addFollowUps(db, leadID)
    }

    mutating func addTicket(_ db: Database, _ ticketID: Int64) throws {
        guard let ticket = try Ticket.fetchOne(db, id: ticketID) else { throw DomainError.notFound("Ticket \(Ticket.number(for: ticketID))") }
        let history = try auditEvents(db, .ticket(ticketID))
        let creator = history.first { $0.first?.action == "create" }?.first?.userID
        // The category it was opened in: the first change's "before", else today's (it never changed).
        let openedIn = history.lazy.flatMap { $0 }.first { $0.field == "category" }?.before ?? ticket.category.label
        add(ticket.createdAt, creator, "Opened the ticket in \(openedIn): \(ticket.subject)", .created)
        addAudit(history)
        for comment in try TicketComment.fetchAll(db, sql: "SELECT * FROM ticket_comment WHERE ticket_id = ? ORDER BY id", arguments: [ticketID]) {
            add(comment.createdAt, comment.authorID,
                comment.isCustomerVisible ? "Replied to the customer: \(comment.body)" : "Added an internal note: \(comment.body)",
                comment.isCustomerVisible ? .customerReply : .internalNote)
        }
        if let breachedAt = try Int64.fetchOne(db, sql: "SELECT first_response_breached_at FROM ticket WHERE id = ?", arguments: [ticketID]) {
            add(Date(epochSeconds: breachedAt), nil, "Missed the first-response target", .system)
        }
    }

    /// The record's audit entries, oldest first, grouped into events: the entries one write made at once.
    private func auditEvents(_ db: Database, _ record: RecordReference) throws -> [[AuditEntry]] {
        let entries = try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_entry WHERE record_kind = ? AND record_id = ? ORDER BY id LIMIT 2000",
                                              arguments: [record.kind, record.id])
        var events: [[AuditEntry]] = []
        for entry in entries {
            if let last = events.last?.last, last.at == entry.at, last.action == entry.action, last.userID == entry.userID {
                events[events.count - 1].append(entry)
            } else {
                events.append([entry])
            }
        }
        return events
    }

    private mutating func addAudit(_ events: [[AuditEntry]]) {
        for event in events {
            guard let first = event.first, let described = sentences.sentence(for: event) else { continue }
            add(first.at, first.userID, described.0, described.1)
        }
    }

    /// Follow-ups done, logged or cancelled, and every reschedule with its reason.
    private mutating func addFollowUps(_ db: Database, _ leadID: Int64) throws {
        let activities = try Activity.fetchAll(db, sql: """
            SELECT * FROM activity WHERE record_kind = 'lead' AND record_id = ? ORDER BY id LIMIT 2000
            """, arguments: [leadID])
        let ids = activities.compactMap(\.id)
        guard !ids.isEmpty else { return }
        let list = ids.map(String.init).joined(separator: ",")
        // Who completed or cancelled each follow-up (the owner, unless the audit log says otherwise).
        let closers = Dictionary(try Row.fetchAll(db, sql: """
            SELECT record_id, user_id FROM audit_entry WHERE record_kind = 'activity' AND record_id IN (\(list)) AND action IN ('complete', 'cancel')
            """).map { ($0["record_id"] as Int64, $0["user_id"] as Int64?) }, uniquingKeysWith: { first, _ in first })
        let byID = Dictionary(activities.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        for activity in activities where activity.state != .planned {
            let at = activity.completedAt ?? activity.dueAt
            let who = closers[activity.id!] ?? activity.ownerID
            let what = "\(activity.type.label): \(activity.subject)"
            switch activity.state {
            case .done:
                let outcome = activity.outcome.flatMap { $0.isEmpty ? nil : " — \($0)" } ?? ""
                add(at, who, "Done \(what)\(outcome)", .work)
            case .cancelled:
                let reason = activity.outcome.flatMap { $0.isEmpty ? nil : " (\($0.prefix(1).lowercased() + $0.dropFirst()))" } ?? ""
                add(at, who, "Cancelled \(what)\(reason)", .work)
            case .planned: break
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM activity_reschedule WHERE activity_id IN (\(list)) ORDER BY id") {
            guard let activity = byID[row["activity_id"]] else { continue }
            let from = TimeWords.dayAndTime(Date(epochSeconds: row["from_due_at"]), in: zone)
            let to = TimeWords.dayAndTime(Date(epochSeconds: row["to_due_at"]), in: zone)
            add(Date(epochSeconds: row["at"]), row["user_id"],
                "Rescheduled \(activity.type.label): \(activity.subject) from \(from) to \(to) — \(row["reason"] as String)", .work)
        }
    }
}
