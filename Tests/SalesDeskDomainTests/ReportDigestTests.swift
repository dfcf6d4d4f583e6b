import Foundation
import SalesDeskDomain
import Testing

@Suite("Report digest periods")
struct ReportDigestTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    private func berlinMidnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    @Test("a daily digest at 08:00 Berlin covers yesterday once its time has come, and the day before until then")
    func dailyAtLocalTime() {
        let before = ReportDigest.due(.daily, minute: 8 * 60, now: utcDate(2026, 11, 24, 6, 30), timeZone: berlin, lastSentEnd: berlinMidnight(2026, 11, 23))
        #expect(before == nil)
        let after = ReportDigest.due(.daily, minute: 8 * 60, now: utcDate(2026, 11, 24, 7, 5), timeZone: berlin, lastSentEnd: berlinMidnight(2026, 11, 23))
        #expect(after?.start == berlinMidnight(2026, 11, 23))
        #expect(after?.end == berlinMidnight(2026, 11, 24))
        #expect(ReportDigest.due(.daily, minute: 8 * 60, now: utcDate(2026, 11, 24, 9, 0), timeZone: berlin, lastSentEnd: berlinMidnight(2026, 11, 24)) == nil)
    }

    @Test("after three days of downtime the missed days come as one digest that says it is catching up")
    func caughtUpAsOne() throws {
        let period = try #require(ReportDigest.due(.daily, minute: 8 * 60, now: utcDate(2026, 11, 24, 7, 5), timeZone: berlin,
                                                   lastSentEnd: berlinMidnight(2026, 11, 21)))
        #expect(period.start == berlinMidnight(2026, 11, 21))
        #expect(period.end == berlinMidnight(2026, 11, 24))
        let figures = ReportDigest.Figures(leadsCreated: 4, won: 2, wonValue: Money(minorUnits: 1_250_000, currency: .usd), lost: 1, followUpsDone: 9, overdueNow: 3)
        let message = ReportDigest.message(.daily, period: period, figures: figures, scope: "Your team")
        #expect(message.title == "Daily digest, Sat 21 Nov – Mon 23 Nov (catching up 3 days): Your team")
        #expect(message.body == "2 won (12,500.00 USD), 1 lost\n4 new leads\n9 follow-ups done, 3 overdue now")
    }

    @Test("on the day summer time starts a 09:00 digest is due at 09:00 local, 07:00 UTC")
    func daylightSaving() {
        #expect(ReportDigest.due(.daily, minute: 9 * 60, now: utcDate(2026, 3, 29, 6, 59), timeZone: berlin, lastSentEnd: berlinMidnight(2026, 3, 28)) == nil)
        #expect(ReportDigest.due(.daily, minute: 9 * 60, now: utcDate(2026, 3, 29, 7, 0), timeZone: berlin, lastSentEnd: berlinMidnight(2026, 3, 28))?.start
                == berlinMidnight(2026, 3, 28))
    }

    @Test("a weekly digest on Monday covers Monday to Sunday of the week before")
    func weekly() {
        let period = ReportDigest.due(.weekly, minute: 8 * 60, now: utcDate(2026, 11, 23, 7, 30), timeZone: berlin, lastSentEnd: nil)
        #expect(period?.start == berlinMidnight(2026, 11, 16))
        #expect(period?.end == berlinMidnight(2026, 11, 23))
    }
}
