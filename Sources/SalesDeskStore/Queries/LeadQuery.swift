import Foundation
import GRDB
import SalesDeskDomain

/// A filter and sort over leads: what a queue tab, a CLI listing or a board column asks for.
public struct LeadQuery: Sendable, Equatable {
    /// How a lead list is ordered.
    public enum Sort: String, Sendable, CaseIterable {
        /// Longest without a touch first (days in stage).
        case staleness
        case valueDescending
        case scoreDescending
        case newest
        case name

        /// Days in stage means nothing for a closed deal (a lead Won 398 days ago is not "398 days in stage"):
        /// this order lists open leads only, unless the query names its stages.
        public var excludesClosedLeads: Bool { self == .staleness }
    }

    /// Owners to include; nil = everyone.
    public var ownerIDs: [Int64]?
    /// Stages to include; nil = all.
    public var stages: [StageKey]?
    public var minimumScore: Int?
    /// Only leads past their stage's stall threshold at this instant.
    public var stalledAt: Date?
    /// Substring of the contact or company name (case-insensitive; scans, so keep it to narrow queries).
    public var nameContains: String?
    /// Words that must each start a word of the lead's name, company, title or tags: search as you type,
    /// answered by the FTS5 index with its prefix indexes, so it stays fast on a million leads.
    public var searchText: String?
    /// Only Won and Lost leads closed (moved to Won or Lost) in this interval, newest close first: the board's
    /// closed columns for a period (see ``ClosedPeriod``). Served by the `lead_closed_period` index.
    public var closedDuring: DateInterval?
    public var sort: Sort

    public init(
        ownerIDs: [Int64]? = nil, stages: [StageKey]? = nil, minimumScore: Int? = nil, stalledAt: Date? = nil,
        nameContains: String? = nil, searchText: String? = nil, closedDuring: DateInterval? = nil, sort: Sort = .staleness
    ) {
        self.ownerIDs = ownerIDs
        self.stages = stages
        self.minimumScore = minimumScore
        self.stalledAt = stalledAt
        self.nameContains = nameContains
        self.searchText = searchText
        self.closedDuring = closedDuring
        self.sort = sort
    }
}

/// A lead with what a queue row shows: contact, company, owner and next follow-up.
public struct LeadRow: Sendable, Equatable, Identifiable {
    public var lead: Lead
    public var contactName: String
    public var company: String?
    public var ownerHandle: String
    public var nextFollowUpAt: Date?

    public init(lead: Lead, contactName: String, company: String?, ownerHandle: String, nextFollowUpAt: Date?) {
        self.lead = lead
        self.contactName = contactName
        self.company = company
        self.ownerHandle = ownerHandle
        self.nextFollowUpAt = nextFollowUpAt
    }

    public var id: Int64 { lead.id ?? 0 }
}

extension AppDatabase {
    /// One page of leads matching `query`, continuing after `cursor`.
    public func leads(_ query: LeadQuery, after cursor: PageCursor? = nil, limit: Int = 50) throws -> Page<LeadRow> {
        try leads(query, page: cursor.map(PageRequest.after) ?? .first, limit: limit)
    }

    /// One page of leads matching `query`, in either direction (see ``PageRequest``).
    public func leads(_ query: LeadQuery, page request: PageRequest, limit: Int = 50) throws -> Page<LeadRow> {
        try writer.read { db in try Self.fetchLeads(db, query, pipeline: configuration.pipeline, page: request, limit: limit) }
    }

    /// How many leads match `query` (for tab badges); counts through indexes.
    ///
    /// With `upTo`, counting stops there (the desk shows "10,000+"): a team's whole queue, or a broad search,
    /// would otherwise cost a scan of a third of the table on every keystroke.
    public func countLeads(_ query: LeadQuery, upTo cap: Int? = nil) throws -> Int {
        try writer.read { db in
            let (from, filter) = Self.source(query, pipeline: configuration.pipeline, forPage: false)
            let join = query.nameContains == nil ? "" : "JOIN contact ON contact.id = lead.contact_id LEFT JOIN account ON account.id = lead.account_id"
            let rows = "SELECT 1 FROM \(from.sql) \(join) WHERE \(filter.sql)" + (cap.map { " LIMIT \($0)" } ?? "")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(rows))", arguments: from.arguments + filter.arguments) ?? 0
        }
    }

    /// Where a query's leads come from, and its WHERE clause: a search drives from its matches (see
    /// `LeadSearchWalk.matchesFirst`), anything else from the lead table.
    static func source(_ query: LeadQuery, pipeline: Pipeline, forPage: Bool)
        -> (from: (sql: String, arguments: StatementArguments), filter: (sql: String, arguments: StatementArguments)) {
        guard let pattern = query.searchText.flatMap({ SearchIndex.prefixQuery($0) }) else {
            return (("lead", []), leadFilter(query, pipeline: pipeline, forPage: forPage))
        }
        var rest = query
        rest.searchText = nil
        return ((LeadSearchWalk.matchesFirst, [pattern]), leadFilter(rest, pipeline: pipeline, forPage: forPage))
    }

    /// The queue rows of the leads with `ids` (the records behind a report's figure), longest untouched first.
    public func leadRows(ids: [Int64]) throws -> [LeadRow] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            try Self.decoratedRows(db, page: "SELECT lead.id, lead.last_touched_at FROM lead WHERE lead.id IN (\(Self.placeholders(ids.count)))",
                                   arguments: StatementArguments(ids), keyset: Self.keysetClause(for: LeadQuery())).map(Self.leadRow)
        }
    }

    /// ``countLeads(_:upTo:)``, or nil when counting would collect every match of a word common across the whole
    /// table (`an`): a screen then says "matching" instead of waiting hundreds of milliseconds for a number.
    public func countLeadsIfQuick(_ query: LeadQuery, upTo cap: Int) throws -> Int? {
        if let pattern = query.searchText.flatMap({ SearchIndex.prefixQuery($0) }),
           try writer.read({ db in try LeadSearchWalk.isCommon(db, pattern) }) {
            return nil
        }
        return try countLeads(query, upTo: cap)
    }

    static func fetchLeads(_ db: Database, _ query: LeadQuery, pipeline: Pipeline, after cursor: PageCursor?, limit: Int) throws -> Page<LeadRow> {
        try fetchLeads(db, query, pipeline: pipeline, page: cursor.map(PageRequest.after) ?? .first, limit: limit)
    }

    static func fetchLeads(_ db: Database, _ query: LeadQuery, pipeline: Pipeline, page request: PageRequest, limit: Int) throws -> Page<LeadRow> {
        if let pattern = query.searchText.flatMap({ SearchIndex.prefixQuery($0) }), try LeadSearchWalk.isCommon(db, pattern) {
            return try LeadSearchWalk.page(db, query, pattern: pattern, pipeline: pipeline, page: request, limit: limit)
        }
        let keyset = keysetClause(for: query)
        let (from, filter) = source(query, pipeline: pipeline, forPage: true)
        let page = keyset.whereSQL(request)
        var arguments = from.arguments
        arguments += filter.arguments
        arguments += page.arguments
        arguments += [Page<LeadRow>.peekLimit(limit)]
        // Pick the page's ids first, on narrow rows, then decorate only those rows: a stalled queue of
        // 20,000 leads sorts 20,000 (id, time) pairs, not 20,000 joined rows with sub-queries.
        let rows = try decoratedRows(db, page: """
            SELECT lead.id AS id, \(keyset.sortColumn) AS sort_value
            FROM \(from.sql) \(namesJoin(query))
            WHERE \(filter.sql) AND \(page.sql)
            ORDER BY \(keyset.orderSQL(backward: request.isBackward))
            LIMIT ?
            """, arguments: arguments, keyset: keyset)
        let cursors = rows.map { PageCursor(sortValue: sortValue($0["sort_value"]), id: $0["id"]) }
        return Page.assemble(try rows.map(leadRow), cursors: cursors, for: request, limit: limit, inListOrder: true)
    }

    /// The joins a query's filter or order needs to see contact and company names.
    static func namesJoin(_ query: LeadQuery) -> String {
        query.sort == .name || query.nameContains != nil
            ? "JOIN contact ON contact.id = lead.contact_id LEFT JOIN account ON account.id = lead.account_id" : ""
    }

    /// The rows of a page whose ids and sort values `page` selects (a SELECT or VALUES of `(id, sort_value)`),
    /// with what a queue row shows, in the list's order (whichever way the page was walked).
    static func decoratedRows(_ db: Database, page: String, arguments: StatementArguments, keyset: KeysetClause) throws -> [Row] {
        try Row.fetchAll(db, sql: """
            WITH page(id, sort_value) AS (\(page))
            SELECT lead.*, contact.name AS contact_name, account.name AS company, user.handle AS owner_handle,
                   (SELECT MIN(due_at) FROM activity WHERE activity.record_kind = 'lead' AND activity.record_id = lead.id
                        AND activity.state = 'planned') AS next_follow_up_at,
                   page.sort_value AS sort_value
            FROM page
            JOIN lead ON lead.id = page.id
            JOIN contact ON contact.id = lead.contact_id
            LEFT JOIN account ON account.id = lead.account_id
            JOIN user ON user.id = lead.owner_id
            ORDER BY \(keyset.orderSQL.replacingOccurrences(of: keyset.sortColumn, with: "page.sort_value").replacingOccurrences(of: keyset.idColumn, with: "page.id"))
            """, arguments: arguments)
    }

    static func leadRow(_ row: Row) throws -> LeadRow {
        LeadRow(lead: try Lead(row: row), contactName: row["contact_name"], company: row["company"],
                ownerHandle: row["owner_handle"], nextFollowUpAt: (row["next_follow_up_at"] as Int64?).date)
    }

    static func sortValue(_ value: DatabaseValue) -> PageCursor.SortValue {
        if let text = String.fromDatabaseValue(value), case .string = value.storage { return .text(text) }
        return .integer(Int64.fromDatabaseValue(value) ?? 0)
    }

    /// The order of a query's pages: its sort, or newest close first for a closed period.
    static func keysetClause(for query: LeadQuery) -> KeysetClause {
        if query.closedDuring != nil { return KeysetClause(sortColumn: "lead.stage_entered_at", idColumn: "lead.id", descending: true) }
        return switch query.sort {
        case .staleness: KeysetClause(sortColumn: "lead.last_touched_at", idColumn: "lead.id", descending: false)
        case .valueDescending: KeysetClause(sortColumn: "lead.value_minor", idColumn: "lead.id", descending: true)
        case .scoreDescending: KeysetClause(sortColumn: "lead.score", idColumn: "lead.id", descending: true)
        case .newest: KeysetClause(sortColumn: "lead.created_at", idColumn: "lead.id", descending: true)
        case .name: KeysetClause(sortColumn: "contact.name", idColumn: "lead.id", descending: false)
        }
    }

    /// The WHERE clause of `query`; `forPage` when it selects an ordered page rather than a count.
    static func leadFilter(_ query: LeadQuery, pipeline: Pipeline, forPage: Bool = false) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let owners = query.ownerIDs {
            // A page by days in stage of all an owner's stages: the walk along lead_touched_owner finds it
            // after a few thousand index entries, where the per-owner index would sort all of the owners'
            // leads first (40 ms for a team of 7 on the 1m set, against 0.2 ms). `+` keeps the planner off
            // the per-owner index. Counts, stage filters and stalled queues keep it: there its ranges are
            // the short way.
            let walkStaleness = forPage && query.sort == .staleness && query.stalledAt == nil && query.stages == nil
            clauses.append(owners.isEmpty ? "0" : "\(walkStaleness ? "+" : "")lead.owner_id IN (\(placeholders(owners.count)))")
            arguments += StatementArguments(owners)
        }
        if let stages = query.stages {
            clauses.append(stages.isEmpty ? "0" : "lead.stage IN (\(placeholders(stages.count)))")
            arguments += StatementArguments(stages.map(\.rawValue))
        } else if query.sort.excludesClosedLeads, query.closedDuring == nil {
            clauses.append("lead.stage NOT IN ('\(StageKey.won.rawValue)', '\(StageKey.lost.rawValue)')")
        }
        if let period = query.closedDuring {
            // The literal IN lets SQLite use the partial index lead_closed_period.
            clauses.append("lead.stage IN ('won', 'lost') AND lead.stage_entered_at >= ? AND lead.stage_entered_at < ?")
            arguments += [period.start.epochSeconds, period.end.epochSeconds]
        }
        if let minimum = query.minimumScore {
            clauses.append("lead.score >= ?")
            arguments += [minimum]
        }
        if let now = query.stalledAt {
            let stalled = pipeline.openStages.compactMap { stage -> (StageKey, Int64)? in
                guard let days = stage.stallDays else { return nil }
                return (stage.key, now.epochSeconds - Int64(days) * 86_400)
            }
            clauses.append(stalled.isEmpty ? "0" : "(" + stalled.map { _ in "(lead.stage = ? AND lead.last_touched_at <= ?)" }.joined(separator: " OR ") + ")")
            for (key, threshold) in stalled { arguments += [key.rawValue, threshold] }
        }
        if let text = query.nameContains?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            clauses.append("(contact.name LIKE ? ESCAPE '\\' OR account.name LIKE ? ESCAPE '\\')")
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            arguments += [pattern, pattern]
        }
        if let pattern = query.searchText.flatMap({ SearchIndex.prefixQuery($0) }) {
            // Queries that page or count drive from the matches instead (`source`); this serves the others.
            clauses.append("lead.id IN (SELECT rowid / 4 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.lead.rawValue))")
            arguments += [pattern]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
