import Foundation
import GRDB
import SalesDeskDomain

/// A filter over planned follow-ups, by owner, type and due range.
public struct FollowUpQuery: Sendable, Equatable {
    public var ownerIDs: [Int64]?
    public var types: [ActivityType]?
    public var dueFrom: Date?
    public var dueBefore: Date?
    public var states: [ActivityState]

    public init(ownerIDs: [Int64]? = nil, types: [ActivityType]? = nil, dueFrom: Date? = nil, dueBefore: Date? = nil, states: [ActivityState] = [.planned]) {
        self.ownerIDs = ownerIDs
        self.types = types
        self.dueFrom = dueFrom
        self.dueBefore = dueBefore
        self.states = states
    }
}

/// A follow-up with the names an agenda or list row shows.
public struct FollowUpRow: Sendable, Equatable, Identifiable {
    public var activity: Activity
    /// The contact's name for a lead, the subject for a ticket, the name for an account.
    public var recordLabel: String?
    public var company: String?
    public var ownerHandle: String

    public init(activity: Activity, recordLabel: String?, company: String?, ownerHandle: String) {
        self.activity = activity
        self.recordLabel = recordLabel
        self.company = company
        self.ownerHandle = ownerHandle
    }

    public var id: Int64 { activity.id ?? 0 }
}

extension AppDatabase {
    /// One page of follow-ups matching `query`, soonest due first.
    public func followUps(_ query: FollowUpQuery, after cursor: PageCursor? = nil, limit: Int = 50) throws -> Page<FollowUpRow> {
        try followUps(query, page: cursor.map(PageRequest.after) ?? .first, limit: limit)
    }

    /// One page of follow-ups matching `query`, in either direction (see ``PageRequest``).
    public func followUps(_ query: FollowUpQuery, page request: PageRequest, limit: Int = 50) throws -> Page<FollowUpRow> {
        try writer.read { db in try Self.fetchFollowUps(db, query, page: request, limit: limit) }
    }

    static func fetchFollowUps(_ db: Database, _ query: FollowUpQuery, after cursor: PageCursor?, limit: Int, descending: Bool = false) throws -> Page<FollowUpRow> {
        try fetchFollowUps(db, query, page: cursor.map(PageRequest.after) ?? .first, limit: limit, descending: descending)
    }

    static func fetchFollowUps(_ db: Database, _ query: FollowUpQuery, page request: PageRequest, limit: Int, descending: Bool = false) throws -> Page<FollowUpRow> {
        let filter = followUpFilter(query)
        var arguments = filter.arguments
        let keyset = KeysetClause(sortColumn: "activity.due_at", idColumn: "activity.id", descending: descending)
        let page = keyset.whereSQL(request)
        arguments += page.arguments
        arguments += [Page<FollowUpRow>.peekLimit(limit)]
        let rows = try Row.fetchAll(db, sql: """
            SELECT activity.*, user.handle AS owner_handle,
                   CASE activity.record_kind
                       WHEN 'lead' THEN (SELECT contact.name FROM lead JOIN contact ON contact.id = lead.contact_id WHERE lead.id = activity.record_id)
                       WHEN 'ticket' THEN (SELECT subject FROM ticket WHERE ticket.id = activity.record_id)
                       WHEN 'account' THEN (SELECT name FROM account WHERE account.id = activity.record_id)
                   END AS record_label,
                   CASE activity.record_kind
                       WHEN 'lead' THEN (SELECT account.name FROM lead JOIN account ON account.id = lead.account_id WHERE lead.id = activity.record_id)
                       WHEN 'ticket' THEN (SELECT account.name FROM ticket JOIN account ON account.id = ticket.account_id WHERE ticket.id = activity.record_id)
                       WHEN 'account' THEN (SELECT name FROM account WHERE account.id = activity.record_id)
                   END AS company
            FROM activity JOIN user ON user.id = activity.owner_id
            WHERE \(filter.sql) AND \(page.sql)
            ORDER BY \(keyset.orderSQL(backward: request.isBackward))
            LIMIT ?
            """, arguments: arguments)
        let items = try rows.map { row in
            FollowUpRow(activity: try Activity(row: row), recordLabel: row["record_label"], company: row["company"], ownerHandle: row["owner_handle"])
        }
        let cursors = rows.map { PageCursor(sortValue: .integer($0["due_at"]), id: $0["id"]) }
        return Page.assemble(items, cursors: cursors, for: request, limit: limit)
    }

    /// How many follow-ups match `query`.
    public func countFollowUps(_ query: FollowUpQuery) throws -> Int {
        try writer.read { db in try Self.countFollowUps(db, query) }
    }

    static func countFollowUps(_ db: Database, _ query: FollowUpQuery) throws -> Int {
        let filter = followUpFilter(query)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE \(filter.sql)", arguments: filter.arguments) ?? 0
    }

    static func followUpFilter(_ query: FollowUpQuery) -> (sql: String, arguments: StatementArguments) {
        // States are written as literals (they are enum constants, never user text) so SQLite can use
        // the partial indexes `WHERE state = 'planned'`; a bound parameter would hide that from the planner.
        var clauses = [query.states.count == 1
            ? "activity.state = '\(query.states[0].rawValue)'"
            : "activity.state IN (\(query.states.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"]
        var arguments = StatementArguments()
        if let owners = query.ownerIDs {
            clauses.append(owners.isEmpty ? "0" : "activity.owner_id IN (\(placeholders(owners.count)))")
            arguments += StatementArguments(owners)
        }
        if let types = query.types {
            clauses.append(types.isEmpty ? "0" : "activity.type IN (\(placeholders(types.count)))")
            arguments += StatementArguments(types.map(\.rawValue))
        }
        if let from = query.dueFrom {
            clauses.append("activity.due_at >= ?")
            arguments += [from.epochSeconds]
        }
        if let before = query.dueBefore {
            clauses.append("activity.due_at < ?")
            arguments += [before.epochSeconds]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }
}
