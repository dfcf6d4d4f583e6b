import Foundation
import GRDB
import SalesDeskDomain

/// A filter over tickets: what a queue tab or CLI listing asks for.
public struct TicketQuery: Sendable, Equatable {
    public var statuses: [TicketStatus]?
    public var assigneeIDs: [Int64]?
    public var teamIDs: [Int64]?
    public var priorities: [TicketPriority]?
    /// Only tickets with no customer-visible reply yet.
    public var awaitingFirstResponse: Bool
    /// Newest first when true, oldest first otherwise.
    public var newestFirst: Bool
    /// What the user typed to find tickets: a number (`T-000123`, `123`), or words that each start a word of the
    /// subject or contact's name — or of the account's name (see ``AppDatabase/tickets(_:after:limit:)``).
    public var searchText: String?

    public init(
        statuses: [TicketStatus]? = nil, assigneeIDs: [Int64]? = nil, teamIDs: [Int64]? = nil,
        priorities: [TicketPriority]? = nil, awaitingFirstResponse: Bool = false, newestFirst: Bool = false,
        searchText: String? = nil
    ) {
        self.statuses = statuses
        self.assigneeIDs = assigneeIDs
        self.teamIDs = teamIDs
        self.priorities = priorities
        self.awaitingFirstResponse = awaitingFirstResponse
        self.newestFirst = newestFirst
        self.searchText = searchText
    }
}

/// A ticket with the names a queue row shows.
public struct TicketRow: Sendable, Equatable, Identifiable {
    public var ticket: Ticket
    public var accountName: String?
    public var teamName: String?
    public var assigneeHandle: String?
    /// The first-response clock, counted in the team's business hours; nil once answered or closed.
    public var firstResponse: FirstResponseDue?

    public init(ticket: Ticket, accountName: String?, teamName: String?, assigneeHandle: String?, firstResponse: FirstResponseDue? = nil) {
        self.ticket = ticket
        self.accountName = accountName
        self.teamName = teamName
        self.assigneeHandle = assigneeHandle
        self.firstResponse = firstResponse
    }

    public var id: Int64 { ticket.id ?? 0 }
}

extension AppDatabase {
    /// One page of tickets matching `query`, oldest (or newest) first.
    ///
    /// With `searchText`, a ticket matches by its number, or when every typed word starts a word of its subject
    /// or contact's name, or every word starts a word of its account's name (FTS5, like lead search):
    ///
    /// ```swift
    /// let page = try database.tickets(TicketQuery(statuses: [.new], searchText: "acme sync"))
    /// ```
    public func tickets(_ query: TicketQuery, after cursor: PageCursor? = nil, limit: Int = 50) throws -> Page<TicketRow> {
        try tickets(query, page: cursor.map(PageRequest.after) ?? .first, limit: limit)
    }

    /// One page of tickets matching `query`, in either direction (see ``PageRequest``).
    public func tickets(_ query: TicketQuery, page request: PageRequest, limit: Int = 50) throws -> Page<TicketRow> {
        try writer.read { db in
            let keyset = KeysetClause(sortColumn: "ticket.created_at", idColumn: "ticket.id", descending: query.newestFirst)
            let filter = Self.ticketFilter(query)
            let page = keyset.whereSQL(request)
            let order = keyset.orderSQL(backward: request.isBackward)
            var arguments = filter.arguments
            arguments += page.arguments
            arguments += [Page<TicketRow>.peekLimit(limit)]
            let rows = try Row.fetchAll(db, sql: """
                WITH page AS (
                    SELECT ticket.id AS id FROM ticket WHERE \(filter.sql) AND \(page.sql) ORDER BY \(order) LIMIT ?
                )
                SELECT ticket.*, account.name AS account_name, team.name AS team_name, team.time_zone AS team_time_zone,
                       user.handle AS assignee_handle
                FROM page
                JOIN ticket ON ticket.id = page.id
                LEFT JOIN account ON account.id = ticket.account_id
                LEFT JOIN team ON team.id = ticket.team_id
                LEFT JOIN user ON user.id = ticket.assignee_id
                ORDER BY \(order)
                """, arguments: arguments)
            let tickets = try rows.map { row in
                let ticket = try Ticket(row: row)
                return TicketRow(ticket: ticket, accountName: row["account_name"], teamName: row["team_name"], assigneeHandle: row["assignee_handle"],
                                 firstResponse: self.firstResponseDue(ticket, row: row))
            }
            let cursors = rows.map { PageCursor(sortValue: .integer($0["created_at"]), id: $0["id"]) }
            return Page.assemble(tickets, cursors: cursors, for: request, limit: limit)
        }
    }

    /// The clock of a ticket still waiting for a first response, from a row holding the ticket's columns,
    /// `team_name` and `team_time_zone`.
    func firstResponseDue(_ ticket: Ticket, row: Row) -> FirstResponseDue? {
        guard ticket.firstResponseAt == nil, ![.resolved, .deployed, .closed].contains(ticket.status) else { return nil }
        return firstResponseClock(ticket, row: row)
    }

    /// The first-response clock of a ticket from its stored use, answered or not (see ``firstResponseDue(_:row:)``).
    func firstResponseClock(_ ticket: Ticket, row: Row) -> FirstResponseDue {
        let hours = configuration.businessHours(forTeam: row["team_name"], timeZone: row["team_time_zone"])
        return FirstResponseDue(clock: FirstResponseClock(priority: ticket.priority, routing: configuration.ticketRouting),
                                usedSeconds: TimeInterval(row["sla_used_seconds"] as Int64? ?? 0),
                                runningSince: (row["sla_running_since"] as Int64?).map(Date.init(epochSeconds:)), hours: hours)
    }

    /// How many tickets match `query`.
    /// How many tickets match `query`, stopping at `upTo` when given (see ``countLeads(_:upTo:)``).
    public func countTickets(_ query: TicketQuery, upTo cap: Int? = nil) throws -> Int {
        try writer.read { db in
            let filter = Self.ticketFilter(query)
            let rows = "SELECT 1 FROM ticket WHERE \(filter.sql)" + (cap.map { " LIMIT \($0)" } ?? "")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(rows))", arguments: filter.arguments) ?? 0
        }
    }

    static func ticketFilter(_ query: TicketQuery) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        func add(_ column: String, _ values: [some DatabaseValueConvertible]?) {
            guard let values else { return }
            clauses.append(values.isEmpty ? "0" : "\(column) IN (\(placeholders(values.count)))")
            arguments += StatementArguments(values)
        }
        add("ticket.status", query.statuses?.map(\.rawValue))
        add("ticket.assignee_id", query.assigneeIDs)
        add("ticket.team_id", query.teamIDs)
        add("ticket.priority", query.priorities?.map(\.rawValue))
        if query.awaitingFirstResponse { clauses.append("ticket.first_response_at IS NULL") }
        if let text = query.searchText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let search = ticketSearchClause(text)
            clauses.append(search.sql)
            arguments += search.arguments
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// Tickets whose number is `text`, or whose search title (number, subject, contact) or account name matches
    /// every word of it.
    /// The matches are collected from the index once; the queue then walks its own order through them.
    private static func ticketSearchClause(_ text: String) -> (sql: String, arguments: StatementArguments) {
        var alternatives: [String] = []
        var arguments = StatementArguments()
        if let id = Ticket.id(fromNumber: text) {
            alternatives.append("ticket.id = ?")
            arguments += [id]
        }
        // Titles only: a ticket's number, subject and contact, an account's name. (Descriptions are left out:
        // "and" in every one of them would make `an` match every ticket.)
        if let words = SearchIndex.prefixQuery(text, column: "title") {
            alternatives.append("ticket.id IN (SELECT rowid / 4 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.ticket.rawValue))")
            alternatives.append("ticket.account_id IN (SELECT rowid / 4 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.account.rawValue))")
            arguments += [words, words]
        }
        return (alternatives.isEmpty ? "0" : "(" + alternatives.joined(separator: " OR ") + ")", arguments)
    }
}
