import Foundation
import GRDB
import SalesDeskDomain

/// A search result: the record and the text that matched.
public struct SearchHit: Sendable, Equatable {
    public var record: RecordReference
    public var title: String
    public var detail: String
}

extension AppDatabase {
    /// Search-as-you-type over leads, tickets and accounts: every word matches as a prefix.
    ///
    /// Typed text never reaches FTS5 syntax: words are quoted (see `SearchIndex.prefixQuery`).
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        guard let pattern = SearchIndex.prefixQuery(text) else { return [] }
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, title, body FROM search WHERE search MATCH ? LIMIT ?", arguments: [pattern, limit]).compactMap { row in
                let rowID: Int64 = row["rowid"]
                guard let kind = SearchIndex.Kind(rawValue: rowID % 4),
                      let record = RecordReference(kind: kind.name, id: rowID / 4) else { return nil }
                return SearchHit(record: record, title: row["title"], detail: row["body"])
            }
        }
    }
}
