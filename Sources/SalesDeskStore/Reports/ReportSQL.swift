import Foundation
import GRDB
import SalesDeskDomain

/// SQL pieces the report queries share: the scope's owner filter and the source filter.
struct ReportSQL {
    var clause = ""
    var arguments = StatementArguments()

    /// `AND column IN (?, …)` for a scope narrower than everyone.
    mutating func owners(_ scope: ReportScope, column: String) {
        guard let ids = scope.ownerIDs else { return }
        owners(ids: ids, column: column)
    }

    /// `AND column IN (?, …)` for exactly these owners (none: nothing matches).
    mutating func owners(ids: [Int64], column: String) {
        clause += ids.isEmpty ? " AND 0" : " AND \(column) IN (\(ids.map { _ in "?" }.joined(separator: ", ")))"
        arguments += StatementArguments(ids)
    }

    /// `AND column = ?` when a source is asked for.
    mutating func source(_ source: LeadSource?, column: String) {
        guard let source else { return }
        clause += " AND \(column) = ?"
        arguments += [source.rawValue]
    }

    /// The filter of a lead report: the scope's owners and the request's source, on the `lead` table alias `l`.
    static func leads(_ scope: ReportScope, _ request: ReportRequest) -> ReportSQL {
        var sql = ReportSQL()
        sql.owners(scope, column: "l.owner_id")
        sql.source(request.source, column: "l.source")
        return sql
    }
}

/// A `CASE` expression giving each stage its funnel rank (open stages in order, then Won); -1 for anything else.
func stageRankSQL(_ pipeline: Pipeline, column: String) -> String {
    let order = pipeline.openStages.map(\.key) + [.won]
    let cases = order.enumerated().map { "WHEN '\($0.element.rawValue.replacingOccurrences(of: "'", with: "''"))' THEN \($0.offset)" }
    return "CASE \(column) \(cases.joined(separator: " ")) ELSE -1 END"
}
