import Foundation
import GRDB
import SalesDeskDomain

/// Search within a lead queue for words common across the whole table (`an`, `jo`): walk the queue in its
/// own order and ask the FTS index about each lead by rowid (one statement), for at most ``probeBudget``
/// leads per page.
///
/// Collecting every match first (what rare words do, see `LeadQuery.leadFilter`) costs as much as the word
/// has matches in the whole table, whatever the queue; probing costs per lead looked at (measured on the 1m set:
/// Docs/BENCHMARKS.md). When the budget runs out before the page is full, the page comes back short with a
/// `next` cursor after the last lead looked at, and the next call goes on from there.
enum LeadSearchProbe {
    /// Leads looked at per page at most.
    static let probeBudget = 1_000
    /// A word with more matches than this in the whole index is probed; one with fewer is collected.
    static let commonMatches = 5_000

    /// Whether `pattern` matches more than ``commonMatches`` leads (stops counting there).
    static func isCommon(_ db: Database, _ pattern: String) throws -> Bool {
        let count = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM (SELECT 1 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.lead.rawValue) LIMIT ?)
            """, arguments: [pattern, commonMatches + 1]) ?? 0
        return count > commonMatches
    }

    /// One page of `query`'s leads whose search row matches `pattern`, probing at most `budget` leads.
    /// One page of `query`'s leads whose search row matches `pattern`, probing at most `budget` leads. A backward
    /// request walks the queue backwards; the page comes back in list order either way, and its cursor on the
    /// walking side continues after the last lead looked at.
    static func page(
        _ db: Database, _ query: LeadQuery, pattern: String, pipeline: Pipeline, page request: PageRequest, limit: Int, budget: Int = probeBudget
    ) throws -> Page<LeadRow> {
        var queue = query
        queue.searchText = nil
        let keyset = AppDatabase.keysetClause(for: queue)
        let filter = AppDatabase.leadFilter(queue, pipeline: pipeline, forPage: true)
        let range = keyset.whereSQL(request)
        let order = keyset.orderSQL(backward: request.isBackward)
        var arguments = filter.arguments
        arguments += range.arguments
        // The walk is a co-routine in the queue's order: SQLite stops it as soon as `limit` leads matched, and
        // never looks at more than `budget` leads.
        let walk = """
            SELECT lead.id AS id, \(keyset.sortColumn) AS sort_value FROM lead \(AppDatabase.namesJoin(queue))
            WHERE \(filter.sql) AND \(range.sql) ORDER BY \(order) LIMIT ?
            """
        let walkOrder = order.replacingOccurrences(of: keyset.sortColumn, with: "walk.sort_value").replacingOccurrences(of: keyset.idColumn, with: "walk.id")
        var pageArguments = arguments
        pageArguments += [budget, pattern, limit]
        let rows = try AppDatabase.decoratedRows(db, page: """
            SELECT walk.id, walk.sort_value FROM (\(walk)) AS walk
            WHERE EXISTS (SELECT 1 FROM search WHERE search MATCH ? AND rowid = walk.id * 4 + \(SearchIndex.Kind.lead.rawValue))
            ORDER BY \(walkOrder) LIMIT ?
            """, arguments: pageArguments, keyset: keyset)
        let cursors = rows.map { PageCursor(sortValue: AppDatabase.sortValue($0["sort_value"]), id: $0["id"]) }
        let continuation: PageCursor?
        if rows.count == limit {
            continuation = request.isBackward ? cursors.first : cursors.last
        } else {
            // A short page: the whole budget was looked at. Go on after the last lead looked at, if the queue has more.
            var lastArguments = arguments
            lastArguments += [budget - 1]
            continuation = try Row.fetchOne(db, sql: """
                SELECT lead.id AS id, \(keyset.sortColumn) AS sort_value FROM lead \(AppDatabase.namesJoin(queue))
                WHERE \(filter.sql) AND \(range.sql) ORDER BY \(order) LIMIT 1 OFFSET ?
                """, arguments: lastArguments).map { PageCursor(sortValue: AppDatabase.sortValue($0["sort_value"]), id: $0["id"]) }
        }
        let leads = try rows.map(AppDatabase.leadRow)
        guard request.isBackward else {
            let previous: PageCursor? = if case .first = request { nil } else { cursors.first ?? request.anchor }
            return Page(rows: leads, next: continuation, previous: previous, cursors: cursors)
        }
        let next: PageCursor? = if case .last = request { nil } else { cursors.last ?? request.anchor }
        return Page(rows: leads, next: next, previous: continuation, cursors: cursors)
    }
}
