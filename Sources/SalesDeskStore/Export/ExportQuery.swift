import Foundation
import GRDB
import SalesDeskDomain

/// Which records to export, and which of them.
public struct ExportQuery: Sendable {
    /// The record kinds that can be exported.
    public enum Kind: String, CaseIterable, Sendable {
        case leads, tickets, activities
    }

    public var kind: Kind
    /// Leads: stage key; tickets: status; activities: state (`planned`, `done`, `cancelled`).
    public var state: String?
    /// Owner (leads, activities) or assignee (tickets).
    public var ownerID: Int64?
    /// Leads only.
    public var source: LeadSource?
    /// Created at or after.
    public var since: Date?

    public init(kind: Kind, state: String? = nil, ownerID: Int64? = nil, source: LeadSource? = nil, since: Date? = nil) {
        self.kind = kind
        self.state = state
        self.ownerID = ownerID
        self.source = source
        self.since = since
    }

    /// Column headers; the lead export uses the import template's headers, so it imports back as is.
    public var headers: [String] {
        switch kind {
        case .leads:
            let fields: [ImportField] = [.externalID, .name, .email, .phone, .jobTitle, .company, .dealTitle, .source, .partner,
                                         .owner, .stage, .lossReason, .value, .currency, .expectedCloseDate, .tags]
            return fields.map(\.templateHeader) + ["Score", "Created"]
        case .tickets:
            return ["Number", "Subject", "Status", "Priority", "Category", "Account", "Contact", "Assignee", "Created", "First Response", "Resolved"]
        case .activities:
            return ["ID", "Type", "Subject", "Due", "Duration Minutes", "Owner", "State", "Record", "Outcome", "Completed"]
        }
    }

    fileprivate var sql: (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        let table = kind == .leads ? "lead" : kind == .tickets ? "ticket" : "activity"
        if let state {
            conditions.append(kind == .leads ? "lead.stage = ?" : kind == .tickets ? "ticket.status = ?" : "activity.state = ?")
            arguments += [state]
        }
        if let ownerID {
            conditions.append(kind == .tickets ? "ticket.assignee_id = ?" : "\(table).owner_id = ?")
            arguments += [ownerID]
        }
        if let source, kind == .leads {
            conditions.append("lead.source = ?")
            arguments += [source.rawValue]
        }
        if let since {
            conditions.append("\(table).created_at >= ?")
            arguments += [since.epochSeconds]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        switch kind {
        case .leads:
            return ("""
                SELECT lead.*, contact.name AS contact_name, contact.email, contact.phone, contact.title AS job_title,
                       account.name AS company, user.handle AS owner
                FROM lead JOIN contact ON contact.id = lead.contact_id LEFT JOIN account ON account.id = lead.account_id
                JOIN user ON user.id = lead.owner_id \(filter) ORDER BY lead.id
                """, arguments)
        case .tickets:
            return ("""
                SELECT ticket.*, account.name AS account, contact.name AS contact, user.handle AS assignee FROM ticket
                LEFT JOIN account ON account.id = ticket.account_id LEFT JOIN contact ON contact.id = ticket.contact_id
                LEFT JOIN user ON user.id = ticket.assignee_id \(filter) ORDER BY ticket.id
                """, arguments)
        case .activities:
            return ("SELECT activity.*, user.handle AS owner FROM activity JOIN user ON user.id = activity.owner_id \(filter) ORDER BY activity.id", arguments)
        }
    }
}

extension AppDatabase {
    /// Streams the selected records as rows of text cells (in ``ExportQuery/headers`` order), oldest first.
    ///
    /// Reads from one snapshot, a row at a time, so memory stays flat however many records there are.
    public func export(_ query: ExportQuery, row: ([String]) throws -> Void) throws {
        let pipeline = configuration.pipeline
        try writer.read { db in
            let (sql, arguments) = query.sql
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let record = try cursor.next() {
                switch query.kind {
                case .leads: try row(Self.leadCells(record, pipeline: pipeline))
                case .tickets: try row(Self.ticketCells(record))
                case .activities: try row(Self.activityCells(record))
                }
            }
        }
    }

    private static func leadCells(_ record: Row, pipeline: Pipeline) throws -> [String] {
        let lead = try Lead(row: record)
        return [
            String(lead.id ?? 0), record["contact_name"], record["email"] ?? "", record["phone"] ?? "", record["job_title"] ?? "",
            record["company"] ?? "", lead.title, lead.source.rawValue, lead.partner ?? "", record["owner"],
            pipeline.name(of: lead.stage),
            lead.lossReason.map { $0.note ?? $0.label } ?? "",
            lead.value.formattedAmount.replacingOccurrences(of: ",", with: ""), lead.value.currency.rawValue,
            lead.expectedCloseDate.map(ISO8601.day) ?? "", lead.tags.joined(separator: ","), String(lead.score), ISO8601.day(lead.createdAt),
        ]
    }

    private static func ticketCells(_ record: Row) throws -> [String] {
        let ticket = try Ticket(row: record)
        return [
            ticket.number, ticket.subject, ticket.status.rawValue, ticket.priority.rawValue, ticket.category.rawValue,
            record["account"] ?? "", record["contact"] ?? "", record["assignee"] ?? "", ISO8601.instant(ticket.createdAt),
            ticket.firstResponseAt.map(ISO8601.instant) ?? "", ticket.resolvedAt.map(ISO8601.instant) ?? "",
        ]
    }

    private static func activityCells(_ record: Row) throws -> [String] {
        let activity = try Activity(row: record)
        return [
            String(activity.id ?? 0), activity.type.rawValue, activity.subject, ISO8601.instant(activity.dueAt), String(activity.durationMinutes),
            record["owner"], activity.state.rawValue, activity.record.map { "\($0.kind) #\($0.id)" } ?? "", activity.outcome ?? "",
            activity.completedAt.map(ISO8601.instant) ?? "",
        ]
    }
}
