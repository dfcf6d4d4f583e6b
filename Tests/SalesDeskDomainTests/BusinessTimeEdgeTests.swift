import Foundation
import SalesDeskDomain
import Testing

@Suite("Business time at the edges")
struct BusinessTimeEdgeTests {
    private let ninetoFive = BusinessHours.standard

    /// A weekend with a DST change: the zone, Friday 16:00 local and Monday 10:00 local as UTC instants.
    struct ChangeWeekend: Sendable {
        let zone: String
        let fridayFourPM: Date
        let mondayTenAM: Date
    }

    @Test("two hours from Friday 16:00 end Monday 10:00 local, in Berlin into summer time and in New York out of it", arguments: [
        ChangeWeekend(zone: "Europe/Berlin", fridayFourPM: utcDate(2026, 3, 27, 15, 0), mondayTenAM: utcDate(2026, 3, 30, 8, 0)),
        ChangeWeekend(zone: "America/New_York", fridayFourPM: utcDate(2026, 10, 30, 20, 0), mondayTenAM: utcDate(2026, 11, 2, 15, 0)),
    ])
    func acrossDaylightSavingChanges(weekend: ChangeWeekend) {
        let local = ninetoFive.inTimeZone(weekend.zone)
        #expect(local.instant(afterBusinessSeconds: 7_200, from: weekend.fridayFourPM) == weekend.mondayTenAM)
        #expect(local.businessSeconds(from: weekend.fridayFourPM, to: weekend.mondayTenAM) == 7_200)
    }

    @Test("a whole week of nine-to-five holds forty open hours")
    func wholeWeek() {
        #expect(ninetoFive.businessSeconds(from: utcDate(2026, 11, 23, 0, 0), to: utcDate(2026, 11, 30, 0, 0)) == 144_000)
    }

    @Test("a clock that uses up a window ends at its close, not at the next opening")
    func windowEdges() {
        let monday = utcDate(2026, 11, 23, 9, 0)
        #expect(ninetoFive.instant(afterBusinessSeconds: 28_800, from: monday) == utcDate(2026, 11, 23, 17, 0))
        #expect(ninetoFive.instant(afterBusinessSeconds: 28_801, from: monday) == utcDate(2026, 11, 24, 9, 0).addingTimeInterval(1))
        #expect(ninetoFive.businessSeconds(from: utcDate(2026, 11, 23, 17, 0), to: utcDate(2026, 11, 24, 9, 0)) == 0)
    }

    @Test("a window that closes at midnight counts up to midnight and ends there")
    func closingAtMidnight() {
        let fridayEvenings = BusinessHours(timeZoneID: "UTC", windows: [5: .init(openMinute: 20 * 60, closeMinute: 24 * 60)])
        let elevenPM = utcDate(2026, 11, 27, 23, 0)
        #expect(fridayEvenings.businessSeconds(from: elevenPM, to: utcDate(2026, 11, 28, 1, 0)) == 3_600)
        #expect(fridayEvenings.instant(afterBusinessSeconds: 3_600, from: elevenPM) == utcDate(2026, 11, 28, 0, 0))
        #expect(fridayEvenings.instant(afterBusinessSeconds: 3_601, from: elevenPM) == utcDate(2026, 12, 4, 20, 0).addingTimeInterval(1))
    }

    @Test("a schedule with no open day counts nothing and never reaches a target")
    func neverOpen() {
        let start = utcDate(2026, 11, 23, 10, 0)
        for closed in [BusinessHours(timeZoneID: "UTC", windows: [:]),
                       BusinessHours(timeZoneID: "Europe/Berlin", windows: [3: .init(openMinute: 600, closeMinute: 600)])] {
            #expect(closed.businessSeconds(from: start, to: utcDate(2027, 11, 23, 10, 0)) == 0)
            #expect(closed.instant(afterBusinessSeconds: 1, from: start) == .distantFuture)
        }
    }

    @Test("zero and negative spans count nothing, and zero or negative seconds end at the start")
    func emptySpans() {
        let start = utcDate(2026, 11, 23, 10, 0)
        #expect(ninetoFive.businessSeconds(from: start, to: start) == 0)
        #expect(ninetoFive.businessSeconds(from: start, to: start.addingTimeInterval(-3_600)) == 0)
        #expect(ninetoFive.instant(afterBusinessSeconds: 0, from: start) == start)
        #expect(ninetoFive.instant(afterBusinessSeconds: -60, from: start) == start)
    }

    @Test("only open hours within 731 local days of the start's day count: a Monday 730 days on is reached, 731 days on it is not")
    func twoYearHorizon() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let closedMondays = stride(from: 0, through: 104, by: 1).map { week -> String in
            let monday = calendar.date(byAdding: .day, value: 7 * week, to: utcDate(2026, 1, 5, 0, 0))!
            let parts = calendar.dateComponents([.year, .month, .day], from: monday)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        #expect(closedMondays.last == "2028-01-03")
        let mondays = BusinessHours(timeZoneID: "UTC", windows: [1: .init(openMinute: 9 * 60, closeMinute: 17 * 60)], holidays: Set(closedMondays))
        let late = utcDate(2028, 2, 1, 0, 0)
        let friday = utcDate(2026, 1, 9, 23, 0) // 2028-01-10, the first open Monday, is day 731
        #expect(mondays.instant(afterBusinessSeconds: 3_600, from: friday) == .distantFuture)
        #expect(mondays.businessSeconds(from: friday, to: late) == 0)
        let saturday = utcDate(2026, 1, 10, 0, 0) // day 730
        #expect(mondays.instant(afterBusinessSeconds: 3_600, from: saturday) == utcDate(2028, 1, 10, 10, 0))
        #expect(mondays.businessSeconds(from: saturday, to: late) == 28_800)
    }
}
