import Foundation
import GRDB
import SalesDeskDomain

/// Quotas for the demo's sales teams and reps, so the forecast has something to be measured against from the start.
///
/// Every rep gets a target for the current and the next quarter (cut in their team's time zone) of 160 % of the most
/// they won in last quarter or so far this quarter, rounded up to a thousand and at least 10,000.00; each team's
/// target is the sum of its reps'.
enum DemoQuotas {
    static func create(_ db: Database, now: Date, currency: CurrencyCode) throws {
        let teams = try Row.fetchAll(db, sql: """
            SELECT t.id, t.time_zone FROM team t WHERE EXISTS (SELECT 1 FROM user u WHERE u.team_id = t.id AND u.role = 'rep')
            """)
        for team in teams {
            let zone = TimeZone(identifier: team["time_zone"]) ?? .gmt
            let current = ReportPeriod.containing(now, .quarter, timeZone: zone)
            let last = current.previous(.quarter)
            let next = ReportPeriod.containing(current.end, .quarter, timeZone: zone)
            let won = "COALESCE((SELECT SUM(value_minor) FROM lead WHERE owner_id = u.id AND stage = 'won' AND currency = ? AND stage_entered_at >= ? AND stage_entered_at < ?), 0)"
            let reps = try Row.fetchAll(db, sql: "SELECT u.id, MAX(\(won), \(won)) AS won FROM user u WHERE u.team_id = ? AND u.role = 'rep'",
                                        arguments: [currency.rawValue, last.start.epochSeconds, last.end.epochSeconds,
                                                    currency.rawValue, current.start.epochSeconds, current.end.epochSeconds, team["id"]])
            var teamTarget: Int64 = 0
            for rep in reps {
                let won: Int64 = rep["won"]
                let target = max(1_000_000, (won * 16 / 10 + 99_999) / 100_000 * 100_000)
                teamTarget += target
                for period in [current, next] { try insert(db, kind: "rep", holder: rep["id"], period: period, target: target, currency: currency, now: now) }
            }
            for period in [current, next] { try insert(db, kind: "team", holder: team["id"], period: period, target: teamTarget, currency: currency, now: now) }
        }
    }

    private static func insert(_ db: Database, kind: String, holder: Int64, period: ReportPeriod, target: Int64, currency: CurrencyCode, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO quota (holder_kind, holder_id, period_start, period_end, time_zone, target_minor, currency, set_by, set_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
            """, arguments: [kind, holder, period.start.epochSeconds, period.end.epochSeconds, period.timeZoneID, target, currency.rawValue, now.epochSeconds])
    }
}
