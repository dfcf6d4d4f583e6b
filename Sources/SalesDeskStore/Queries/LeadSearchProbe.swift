import Foundation
import GRDB
import SalesDeskDomain

/// Search within a lead queue for words common across the whole table (`an`, `jo`): walk the queue in its
/// own order and ask the FTS index about each lead by rowid, for at most ``probeBudget`` leads per page.
///
/// Collecting every match first (what rare words do, see `LeadQuery.leadFilter`) costs as much as the word
/// has matches: 250–650 ms for `an` on a million leads, whatever the queue. Probing costs per lead looked
/// at, so a page is answered within a frame; when the budget runs out before the page is full, the page
/// comes back short with a `next` cursor after the last lead looked at, and the next call goes on from there.
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
    /// A backward request walks the queue backwards; the page comes back in list order either way, and its
    /// cursor on the walking side continues after the last lead looked at.
    static func page(
        _ db: Database, _ query: LeadQuery, pattern: String, pipeline: Pipeline, page request: PageRequest, limit: Int, budget: Int = probeBudget
    ) throws -> Page<LeadRow> {
        var queue = query
        queue.searchText = nil
        let keyset = AppDatabase.keysetClause(for: queue)
        let filter = AppDatabase.leadFilter(queue, pipeline: pipeline, forPage: true)
        let range = keyset.whereSQL(request)
        var arguments = filter.arguments
        arguments += range.arguments
        arguments += [budget]
        let walked = try Row.fetchAll(db, sql: """
            SELECT lead.id AS id, \(keyset.sortColumn) AS sort_value FROM lead \(AppDatabase.namesJoin(queue))
            WHERE \(filter.sql) AND \(range.sql) ORDER BY \(keyset.orderSQL(backward: request.isBackward)) LIMIT ?
            """, arguments: arguments)
        let probe = try db.cachedStatement(sql: "SELECT 1 FROM search WHERE search MATCH ? AND rowid = ?")
        var hits: [(id: Int64, sortValue: DatabaseValue)] = []
        var lastLooked: Row?
        for row in walked {
            lastLooked = row
            let id: Int64 = row["id"]
            if try Bool.fetchOne(probe, arguments: [pattern, SearchIndex.rowID(.lead, id)]) == true {
                hits.append((id, row["sort_value"]))
                if hits.count == limit { break }
            }
        }
        let rows = hits.isEmpty ? [] : try AppDatabase.decoratedRows(
            db, page: "VALUES " + Array(repeating: "(?, ?)", count: hits.count).joined(separator: ", "),
            arguments: StatementArguments(hits.flatMap { [$0.id.databaseValue, $0.sortValue] }), keyset: keyset)
        let more = hits.count == limit || walked.count == budget
        let continuation = more ? lastLooked.map { PageCursor(sortValue: AppDatabase.sortValue($0["sort_value"]), id: $0["id"]) } : nil
        let cursors = rows.map { PageCursor(sortValue: AppDatabase.sortValue($0["sort_value"]), id: $0["id"]) }
        let leads = try rows.map(AppDatabase.leadRow)
        guard request.isBackward else {
            let previous: PageCursor? = if case .first = request { nil } else { cursors.first ?? request.anchor }
            return Page(rows: leads, next: continuation, previous: previous, cursors: cursors)
        }
        let next: PageCursor? = if case .last = request { nil } else { cursors.last ?? request.anchor }
        return Page(rows: leads, next: next, previous: continuation, cursors: cursors)
    }
}
