import Foundation
import GRDB
import SalesDeskDomain

/// Search within a lead queue. A word with up to ``walkAbove`` matches in the whole table is answered from its
/// matches: each looked up by id, filtered by the queue and sorted (`LeadQuery.fetchLeads`), a cost bounded by
/// the matches whatever the queue. A word more common than that (`an`, `jo`): read the word's matches
/// from the index once (ids only, in rowid order: 183,000 for `an` on the 1m set in about 25 ms), then walk
/// the queue in its own order through an index, keeping the leads among the matches, for at most
/// ``walkBudget`` leads per page.
///
/// Collecting the matches into SQL (`lead.id IN (…)`, what rare words do, see `LeadQuery.leadFilter`) makes
/// SQLite look up every matching lead's row; asking the index about each lead walked (`EXISTS … rowid = ?`)
/// costs about 0.1 ms a lead, and for a word of four letters or more, which has no prefix list in the index,
/// a merge of every word it begins per lead (20 s for a page of `tyre` on the 1m set). Testing membership in
/// memory costs neither. When the budget runs out before the page is full, the page comes back short with a
/// `next` cursor after the last lead looked at, and the next call goes on from there.
enum LeadSearchWalk {
    /// Leads walked per page at most.
    static let walkBudget = 20_000
    /// A word with more matches than this in the whole index is walked; one with fewer is answered from its
    /// matches (looking up 50,000 leads by id costs about as much as a page of a walk through a queue where the
    /// word is rare: ~50 ms on the 1m set).
    static let walkAbove = 50_000

    /// Whether `pattern` matches more than ``walkAbove`` leads (stops counting there).
    static func isCommon(_ db: Database, _ pattern: String) throws -> Bool {
        let count = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM (SELECT 1 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.lead.rawValue) LIMIT ?)
            """, arguments: [pattern, walkAbove + 1]) ?? 0
        return count > walkAbove
    }

    /// The `FROM` of a query driven by `pattern`'s matches: each match, then its lead by id (`CROSS JOIN` keeps
    /// SQLite from walking the whole queue and testing each lead against the matches). Binds one argument.
    static let matchesFirst = """
        (SELECT rowid / 4 AS match_id FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.lead.rawValue)) AS matches
        CROSS JOIN lead ON lead.id = matches.match_id
        """

    /// The ids of the leads whose search row matches `pattern`, ascending.
    static func matchingLeadIDs(_ db: Database, _ pattern: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT rowid / 4 FROM search WHERE search MATCH ? AND rowid % 4 = \(SearchIndex.Kind.lead.rawValue) ORDER BY rowid
            """, arguments: [pattern])
    }

    /// One page of `query`'s leads whose search row matches `pattern`, walking at most `budget` leads. A backward
    /// request walks the queue backwards; the page comes back in list order either way, and its cursor on the
    /// walking side continues after the last lead looked at.
    static func page(
        _ db: Database, _ query: LeadQuery, pattern: String, pipeline: Pipeline, page request: PageRequest, limit: Int, budget: Int = walkBudget
    ) throws -> Page<LeadRow> {
        let matches = try matchingLeadIDs(db, pattern)
        var queue = query
        queue.searchText = nil
        let keyset = AppDatabase.keysetClause(for: queue)
        let filter = AppDatabase.leadFilter(queue, pipeline: pipeline, forPage: true)
        let range = keyset.whereSQL(request)
        var arguments = filter.arguments
        arguments += range.arguments
        arguments += [budget]
        let walk = try Row.fetchCursor(db, sql: """
            SELECT lead.id AS id, \(keyset.sortColumn) AS sort_value FROM lead \(AppDatabase.namesJoin(queue))
            WHERE \(filter.sql) AND \(range.sql) ORDER BY \(keyset.orderSQL(backward: request.isBackward)) LIMIT ?
            """, arguments: arguments)
        var picked: [(id: Int64, sortValue: DatabaseValue)] = []
        var walked = 0
        var lastWalked: PageCursor?
        while picked.count < limit, let row = try walk.next() {
            walked += 1
            let id: Int64 = row["id"]
            lastWalked = PageCursor(sortValue: AppDatabase.sortValue(row["sort_value"]), id: id)
            if contains(matches, id) { picked.append((id, row["sort_value"])) }
        }
        let rows = picked.isEmpty ? [] : try AppDatabase.decoratedRows(
            db, page: "VALUES " + Array(repeating: "(?, ?)", count: picked.count).joined(separator: ", "),
            arguments: StatementArguments(picked.flatMap { [$0.id.databaseValue, $0.sortValue] }), keyset: keyset)
        let cursors = rows.map { PageCursor(sortValue: AppDatabase.sortValue($0["sort_value"]), id: $0["id"]) }
        // Full: go on after the last lead kept. Short with the budget spent: after the last lead looked at. Short
        // before the budget: the queue ended.
        let continuation: PageCursor? = if rows.count == limit {
            request.isBackward ? cursors.first : cursors.last
        } else {
            walked == budget ? lastWalked : nil
        }
        let leads = try rows.map(AppDatabase.leadRow)
        guard request.isBackward else {
            let previous: PageCursor? = if case .first = request { nil } else { cursors.first ?? request.anchor }
            return Page(rows: leads, next: continuation, previous: previous, cursors: cursors)
        }
        let next: PageCursor? = if case .last = request { nil } else { cursors.last ?? request.anchor }
        return Page(rows: leads, next: next, previous: continuation, cursors: cursors)
    }

    /// Whether the ascending `ids` hold `id` (binary search).
    private static func contains(_ ids: [Int64], _ id: Int64) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }
}
