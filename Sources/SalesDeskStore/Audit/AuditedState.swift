import Crypto
import Foundation
import GRDB
import SalesDeskDomain

/// The columns of a lead or ticket that change only through audited writes, and their digest.
///
/// Each audited change to a lead or ticket stores the digest of these columns as they are after the
/// change (`audit_entry.record_state`, inside the hash chain). `salesdesk audit verify --data` compares
/// every record's current digest with its newest entry's: a row changed with `sqlite3` no longer matches.
/// Columns that unaudited system writes touch (activity clocks, SLA clocks, search keys) are left out.
enum AuditedState {
    /// The audited columns of each record kind that has them, in digest order.
    static let columns: [String: [String]] = [
        "lead": ["owner_id", "stage", "value_minor", "currency", "title", "source", "partner", "expected_close_date",
                 "loss_reason", "is_on_hold"],
        "ticket": ["subject", "priority", "category", "team_id", "assignee_id", "status"],
    ]

    /// The table a record kind lives in (the kinds above are their own table names).
    static func table(of kind: String) -> String? { columns[kind] == nil ? nil : kind }

    /// The digest of `record`'s audited columns now; nil for kinds without them or a missing row.
    static func digest(_ db: Database, _ record: RecordReference) throws -> String? {
        guard let names = columns[record.kind], let table = table(of: record.kind) else { return nil }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(names.joined(separator: ", ")) FROM \(table) WHERE id = ?"), arguments: [record.id])
        return row.map { digest(of: $0, names: names) }
    }

    /// The hex SHA-256 of each column's name and value (`NULL` written as such).
    static func digest(of row: Row, names: [String]) -> String {
        var hasher = SHA256()
        for (index, name) in names.enumerated() {
            let value = row[index] as DatabaseValue
            hasher.update(data: Data("\(name)=\(value.isNull ? "NULL" : value.description)\u{1F}".utf8))
        }
        return hasher.finalize().lowercaseHex
    }
}
