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

/// One page of rows and the cursor that continues after it (nil at the end).
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var next: PageCursor?

    public init(rows: [Row], next: PageCursor?) {
        self.rows = rows
        self.next = next
    }
}

/// Builds `WHERE`/`ORDER BY` SQL fragments for keyset paging over `(sortColumn, id)`.
struct KeysetClause {
    var sortColumn: String
    var idColumn: String
    var descending: Bool

    func whereSQL(after cursor: PageCursor?) -> (sql: String, arguments: StatementArguments) {
        guard let cursor else { return ("1", []) }
        let comparison = descending ? "<" : ">"
        return ("(\(sortColumn), \(idColumn)) \(comparison) (?, ?)", [cursor.sortValue.databaseValue, cursor.id])
    }

    var orderSQL: String {
        let direction = descending ? "DESC" : "ASC"
        return "\(sortColumn) \(direction), \(idColumn) \(direction)"
    }
}
