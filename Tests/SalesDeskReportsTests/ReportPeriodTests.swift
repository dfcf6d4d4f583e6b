import Foundation
import SalesDeskDomain
import Testing

@Suite("Report periods")
struct ReportPeriodTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("a week that crosses the end of summer time runs from Monday midnight to Monday midnight local, 169 hours")
    func weekAcrossDST() {
        let week = ReportPeriod.containing(local(2026, 10, 21, 15, 0, "Europe/Berlin"), .week, timeZone: berlin)
        #expect(week.start == utc(2026, 10, 18, 22))
        #expect(week.end == utc(2026, 10, 25, 23))
        #expect(week.end.timeIntervalSince(week.start) == 169 * 3_600)
    }

    @Test("a quarter is cut at local midnight, so a deal closed late on 30 September in New York is in the third quarter there")
    func quarterInTimeZone() {
        let closedAt = local(2026, 9, 30, 23, 30, "America/New_York")
        let newYorkQ4 = ReportPeriod.containing(utc(2026, 11, 23), .quarter, timeZone: newYork)
        #expect(newYorkQ4.start == utc(2026, 10, 1, 4))
        #expect(newYorkQ4.end == utc(2027, 1, 1, 5))
        #expect(!newYorkQ4.contains(closedAt))
        #expect(q4.contains(closedAt))
    }

    @Test("the end of a period belongs to the next one")
    func halfOpen() {
        let november = ReportPeriod.containing(utc(2026, 11, 10), .month, timeZone: TimeZone(identifier: "UTC")!)
        #expect(november.contains(utc(2026, 11, 1)))
        #expect(!november.contains(utc(2026, 12, 1)))
        #expect(november.previous(.month).start == utc(2026, 10, 1))
    }

    @Test("a quarter splits into its three local months and a custom range keeps both of its days")
    func monthsAndDays() {
        #expect(q4.months().map(\.start) == [utc(2026, 10, 1), utc(2026, 11, 1), utc(2026, 12, 1)])
        let range = ReportPeriod.days(from: DateComponents(year: 2026, month: 3, day: 28), through: DateComponents(year: 2026, month: 3, day: 29), timeZone: berlin)!
        #expect(range.start == utc(2026, 3, 27, 23))
        #expect(range.end == utc(2026, 3, 29, 22))
        #expect(range.label == "2026-03-28 – 2026-03-29")
        #expect(ReportPeriod.days(from: DateComponents(year: 2026, month: 3, day: 29), through: DateComponents(year: 2026, month: 3, day: 27), timeZone: berlin) == nil)
    }
}
