import Foundation
import GRDB
@testable import SalesDeskStore
import SalesDeskTesting
import Testing

/// The stage-speed report's summary reads are each one index range that holds every column they need: no table
/// rows looked up behind an index, no scan, no temporary tree to sort or group (what made the report slow on the
/// 1m set), for the whole company, for a team's owners and for one source.
@Suite("Stage speed reads its figures from index ranges alone")
struct StageSpeedQueryPlanTests {
    /// The filters a report adds: none (the company), a team's owners, and a source with a team's owners.
    static func filters(owner: String, source: String) -> [String] {
        ["", " AND \(owner) IN (?, ?, ?)", " AND \(owner) IN (?, ?, ?) AND \(source) = ?"]
    }

    /// The query plan's lines for `sql`, every parameter (`?`; these statements quote none) bound to 0.
    static func plan(_ sql: String, in database: AppDatabase) throws -> [String] {
        let zeros = StatementArguments([Int](repeating: 0, count: sql.filter { $0 == "?" }.count))
        return try database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: zeros).map { $0["detail"] as String }
        }
    }

    /// What a plan line must not say: a scan, a lookup of table rows behind an index, a temporary sort tree.
    static func problems(_ lines: [String]) -> [String] {
        lines.filter { line in
            line.hasPrefix("SCAN") || line.contains("TEMP B-TREE")
                || (line.hasPrefix("SEARCH") && !line.contains("COVERING INDEX") && !line.contains("PRIMARY KEY"))
        }
    }

    @Test("the stay histogram of a period streams from the histogram index, grouped without a temporary tree")
    func staySums() throws {
        let temporary = try TemporaryDatabase()
        for filter in Self.filters(owner: "owner_id", source: "source") {
            let lines = try Self.plan(StageSpeedSQL.staySums(filter: filter), in: temporary.database)
            #expect(Self.problems(lines) == [], "\(filter): \(lines)")
            #expect(lines.contains { $0.contains("report_stay_sum_histogram") }, "\(filter): \(lines)")
        }
    }

    @Test("the closed-deal totals and won cycles of a week are read once from the closed-deal index alone")
    func closedDeals() throws {
        let temporary = try TemporaryDatabase()
        for filter in Self.filters(owner: "f.owner_id", source: "f.source") {
            for sql in [StageSpeedSQL.closedTotals(filter: filter), StageSpeedSQL.wonCycles(filter: filter)] {
                let lines = try Self.plan(sql, in: temporary.database)
                #expect(Self.problems(lines) == [], "\(filter): \(lines)")
                #expect(lines.first { $0.hasPrefix("SEARCH") }?.contains("COVERING INDEX report_closed_deal_closed") == true,
                        "the deals' range is read once, not once per owner — \(filter): \(lines)")
            }
        }
    }

    @Test("the qualified stays under way at a moment are read per stage from the stays ended since then")
    func underWay() throws {
        let temporary = try TemporaryDatabase()
        let stages = "'connected', 'demo_scheduled', 'negotiation'"
        for filter in Self.filters(owner: "owner_id", source: "source") {
            let lines = try Self.plan(StageSpeedSQL.underWay(stages: stages, filter: filter), in: temporary.database)
            #expect(Self.problems(lines) == [], "\(filter): \(lines)")
            #expect(lines.contains { $0.contains("report_stage_stay_stage_ended (stage=? AND ended_at>?)") }, "\(filter): \(lines)")
        }
    }

    @Test("a team's leads that became qualified since a moment are counted per owner and stage, not among everyone's")
    func enteredSince() throws {
        let temporary = try TemporaryDatabase()
        let stages = "'connected', 'demo_scheduled', 'negotiation'"
        let company = try Self.plan(StageSpeedSQL.enteredSince(stages: stages, filter: ""), in: temporary.database)
        #expect(Self.problems(company) == [], "\(company)")
        for filter in Self.filters(owner: "l.owner_id", source: "l.source").dropFirst() {
            let lines = try Self.plan(StageSpeedSQL.enteredSince(stages: stages, filter: filter), in: temporary.database)
            #expect(Self.problems(lines) == [], "\(filter): \(lines)")
            #expect(lines.contains { $0.contains("report_lead_open_owner_entered") && $0.contains("owner_id=?") }, "\(filter): \(lines)")
        }
    }
}
