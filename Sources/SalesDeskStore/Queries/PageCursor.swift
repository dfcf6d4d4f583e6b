import GRDB

/// Where the next page of a keyset-paged query starts: the last row's sort value and id.
///
/// Paging by key (never by OFFSET) returns every row exactly once even while rows are inserted
/// between pages, and costs the same on page 1 and page 10,000.
public struct PageCursor: Hashable, Sendable {
    /// The sort column's value of the last row seen.
    public enum SortValue: Hashable, Sendable {
        case integer(Int64)
        case text(String)

        var databaseValue: DatabaseValue {
            switch self {
            case .integer(let value): value.databaseValue
            case .text(let value): value.databaseValue
            }
        }
    }

    public var sortValue: SortValue
    public var id: Int64

    public init(sortValue: SortValue, id: Int64) {
        self.sortValue = sortValue
        self.id = id
    }
}

/// Which page of a keyset-paged list to read.
///
/// Lists page in both directions: `G` reads the ``last`` page with the order reversed (never every row
/// before it), scrolling up past the first loaded row reads the page ``before(_:)`` it, and a reload
/// re-reads the window ``from(_:)`` its first row, so the user keeps their place.
public enum PageRequest: Hashable, Sendable {
    /// The first rows of the list.
    case first
    /// The rows just after a row.
    case after(PageCursor)
    /// The rows just before a row, returned in list order.
    case before(PageCursor)
    /// The last rows of the list, returned in list order.
    case last
    /// The rows from a row on, that row included (re-reading what is on screen).
    case from(PageCursor)

    /// The row a request reads after, before or from; nil for the first and last pages.
    public var anchor: PageCursor? {
        switch self {
        case .first, .last: nil
        case .after(let cursor), .before(let cursor), .from(let cursor): cursor
        }
    }

    /// Whether the query walks the list's order backwards (the rows are reversed before they are returned).
    public var isBackward: Bool {
        switch self {
        case .before, .last: true
        case .first, .after, .from: false
        }
    }
}

/// One page of rows, in list order, with the cursors that continue it in both directions.
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// Continues after the last row; nil at the end of the list.
    public var next: PageCursor?
    /// Continues before the first row; nil at the start of the list (or when unknown to be more).
    public var previous: PageCursor?
    /// Each row's own cursor, in the same order as `rows`.
    public var cursors: [PageCursor]

    public init(rows: [Row], next: PageCursor?, previous: PageCursor? = nil, cursors: [PageCursor] = []) {
        self.rows = rows
        self.next = next
        self.previous = previous
        self.cursors = cursors
    }

    /// A page from rows read for `request` in query order (reversed for backward requests), with one cursor per row.
    ///
    /// The query reads one row more than a page (`LIMIT limit + 1`, see ``peekLimit(_:)``): that row, dropped here,
    /// is how a page knows there is more beyond it. (Taking a page that came back exactly full for one with more
    /// after it showed "↓ more" at the true end of a list, after a refresh re-read its last page.) A backward page
    /// always continues after (the row it was read before is there), unless it is the last page.
    /// `inListOrder`: the rows are already in list order (a backward page sorted back after it was read).
    static func assemble(_ rows: [Row], cursors: [PageCursor], for request: PageRequest, limit: Int, inListOrder: Bool = false) -> Page {
        let more = rows.count > limit
        var rows = rows, cursors = cursors
        if more {
            // The extra row is the one furthest from where the read started.
            if request.isBackward, inListOrder {
                rows.removeFirst(rows.count - limit)
                cursors.removeFirst(cursors.count - limit)
            } else {
                rows.removeLast(rows.count - limit)
                cursors.removeLast(cursors.count - limit)
            }
        }
        guard request.isBackward else {
            let previous: PageCursor? = if case .first = request { nil } else { cursors.first }
            return Page(rows: rows, next: more ? cursors.last : nil, previous: previous, cursors: cursors)
        }
        let ordered = inListOrder ? cursors : Array(cursors.reversed())
        let next: PageCursor? = if case .last = request { nil } else { ordered.last ?? request.anchor }
        return Page(rows: inListOrder ? rows : rows.reversed(), next: next, previous: more ? ordered.first : nil, cursors: ordered)
    }

    /// The `LIMIT` a page query reads with: one row more than the page, so ``assemble(_:cursors:for:limit:inListOrder:)``
    /// knows whether there is more.
    static func peekLimit(_ limit: Int) -> Int { limit + 1 }
}

/// Builds `WHERE`/`ORDER BY` SQL fragments for keyset paging over `(sortColumn, id)`.
struct KeysetClause {
    var sortColumn: String
    var idColumn: String
    var descending: Bool

    func whereSQL(after cursor: PageCursor?) -> (sql: String, arguments: StatementArguments) {
        whereSQL(cursor.map(PageRequest.after) ?? .first)
    }

    /// The condition that selects the rows of `request` (all rows for the first and last pages).
    func whereSQL(_ request: PageRequest) -> (sql: String, arguments: StatementArguments) {
        let comparison: String
        let cursor: PageCursor
        switch request {
        case .first, .last: return ("1", [])
        case .after(let at): (comparison, cursor) = (descending ? "<" : ">", at)
        case .before(let at): (comparison, cursor) = (descending ? ">" : "<", at)
        case .from(let at): (comparison, cursor) = (descending ? "<=" : ">=", at)
        }
        return ("(\(sortColumn), \(idColumn)) \(comparison) (?, ?)", [cursor.sortValue.databaseValue, cursor.id])
    }

    var orderSQL: String { orderSQL(backward: false) }

    /// The list's order, or its reverse for a backward request.
    func orderSQL(backward: Bool) -> String {
        let direction = descending != backward ? "DESC" : "ASC"
        return "\(sortColumn) \(direction), \(idColumn) \(direction)"
    }
}
