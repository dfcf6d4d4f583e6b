import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// A small generated demo file with its admin and the manager `jonas`, and the periods the summary tests compare.
struct GeneratedReportSet {
    let temporary: TemporaryDatabase
    let admin: User
    let manager: User

    var database: AppDatabase { temporary.database }
    var now: Date { temporary.clock.date }

    /// UTC, whole-hour offsets on both sides of it (with DST) and a half-hour zone (read from rows, not summaries).
    static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]

    init() throws {
        temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 11, now: temporary.clock.date).generate(into: temporary.database)
        admin = try #require(try temporary.database.user(handle: "admin"))
        manager = try #require(try temporary.database.user(handle: "jonas"))
    }

    /// This quarter, the one before, this month and this week, cut in `zone`.
    func periods(in zone: String) -> [ReportPeriod] {
        let timeZone = TimeZone(identifier: zone)!
        let current = ReportPeriod.containing(now, .quarter, timeZone: timeZone)
        return [current, current.previous(.quarter), ReportPeriod.containing(now, .month, timeZone: timeZone),
                ReportPeriod.containing(now, .week, timeZone: timeZone)]
    }
}
