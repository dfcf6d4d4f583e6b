import Foundation
import Testing
@testable import SalesDeskDomain

@Suite("Reminders and agenda sections")
struct ReminderAndAgendaTests {
    @Test("a follow-up due at T reminds at T−1h, T and T+1d")
    func standardOffsets() {
        let due = utcDate(2026, 11, 24, 14, 0)
        let reminders = ReminderPlan.standard.reminders(forDueAt: due)
        #expect(reminders.map(\.firesAt) == [due.addingTimeInterval(-3600), due, due.addingTimeInterval(86_400)])
        #expect(reminders.map(\.label) == ["1 hour before", "at the time", "1 day after"])
    }

    @Test("configured offsets are used in time order")
    func customOffsets() {
        let plan = ReminderPlan(offsets: [0, -900, 7200])
        #expect(plan.reminders(forDueAt: Date(timeIntervalSince1970: 10_000)).map(\.firesAt.timeIntervalSince1970) == [9100, 10_000, 17_200])
    }

    @Test("a user in UTC+9 sees 23:30 UTC as tomorrow morning's item, and 15:30 UTC as today")
    func tokyoMidnight() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        // 2026-11-23 10:00 UTC = 19:00 in Tokyo on Monday.
        let calendar = AgendaCalendar(now: utcDate(2026, 11, 23, 10, 0), timeZone: tokyo)
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 23, 14, 30)) == .today)      // 23:30 Mon Tokyo
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 23, 15, 30)) == .tomorrow)   // 00:30 Tue Tokyo
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 24, 15, 0)) == .thisWeek)    // 00:00 Wed Tokyo
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 29, 14, 59)) == .thisWeek)   // 23:59 Sun Tokyo
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 29, 15, 0)) == .later)       // 00:00 next Mon Tokyo
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 23, 9, 59)) == .overdue)
    }

    @Test("a user in UTC−5 sees 04:00 UTC as still today and 05:00 UTC as tomorrow")
    func newYorkMidnight() {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 2026-11-23 22:00 UTC = 17:00 Monday in New York.
        let calendar = AgendaCalendar(now: utcDate(2026, 11, 23, 22, 0), timeZone: newYork)
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 24, 4, 59)) == .today)      // 23:59 Mon NY
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 24, 5, 0)) == .tomorrow)    // 00:00 Tue NY
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 25, 5, 0)) == .thisWeek)    // 00:00 Wed NY
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 23, 21, 59)) == .overdue)
    }

    @Test("on a Sunday, this week is empty and next Monday is later")
    func sundayHasNoThisWeek() {
        let calendar = AgendaCalendar(now: utcDate(2026, 11, 29, 9, 0), timeZone: .gmt)
        #expect(calendar.section(forDueAt: utcDate(2026, 11, 30, 9, 0)) == .tomorrow)
        #expect(calendar.section(forDueAt: utcDate(2026, 12, 1, 9, 0)) == .later)
        let range = calendar.range(of: .thisWeek)
        #expect(range.from == range.to)
    }
}
