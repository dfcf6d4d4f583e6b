import Foundation
import Testing
@testable import SalesDeskDomain

@Suite("A ticket's first-response clock as the desk shows it")
struct FirstResponseDueTests {
    /// High priority: 60 business minutes, warning at 80 % (48 minutes). Monday–Friday 09:00–17:00 UTC.
    let clock = FirstResponseClock(targetSeconds: 3600, warnAtFraction: 0.8)
    let hours = BusinessHours.standard

    @Test("a ticket opened late on Friday is ok until Monday morning, at risk at 48 minutes, breached at 60")
    func acrossTheWeekend() {
        // Friday 27 November 2026, 16:30 UTC: 30 business minutes before closing.
        let due = FirstResponseDue(clock: clock, usedSeconds: 0, runningSince: utcDate(2026, 11, 27, 16, 30), hours: hours)
        #expect(due.state(at: utcDate(2026, 11, 27, 16, 50)) == .ok)
        #expect(due.remainingSeconds(at: utcDate(2026, 11, 27, 16, 50)) == 40 * 60)
        #expect(due.state(at: utcDate(2026, 11, 29, 12, 0)) == .ok, "Sunday counts for nothing")
        #expect(due.remainingSeconds(at: utcDate(2026, 11, 29, 12, 0)) == 30 * 60)
        #expect(due.warningAt == utcDate(2026, 11, 30, 9, 18))
        #expect(due.state(at: utcDate(2026, 11, 30, 9, 17).addingTimeInterval(59)) == .ok)
        #expect(due.state(at: utcDate(2026, 11, 30, 9, 18)) == .atRisk)
        #expect(due.breachAt == utcDate(2026, 11, 30, 9, 30))
        #expect(due.state(at: utcDate(2026, 11, 30, 9, 29).addingTimeInterval(59)) == .atRisk)
        #expect(due.state(at: utcDate(2026, 11, 30, 9, 30)) == .breached)
        #expect(due.remainingSeconds(at: utcDate(2026, 11, 30, 10, 0)) == 0)
    }

    @Test("a paused clock keeps what is left and neither warns nor breaches")
    func paused() {
        let due = FirstResponseDue(clock: clock, usedSeconds: 50 * 60, runningSince: nil, hours: hours)
        #expect(due.state(at: utcDate(2026, 12, 25, 0, 0)) == .paused)
        #expect(due.remainingSeconds(at: utcDate(2026, 12, 25, 0, 0)) == 10 * 60)
        #expect(due.breachAt == nil)
    }

    @Test("time used before a pause counts when the clock runs again")
    func resumed() {
        let due = FirstResponseDue(clock: clock, usedSeconds: 50 * 60, runningSince: utcDate(2026, 11, 30, 10, 0), hours: hours)
        #expect(due.warningAt == utcDate(2026, 11, 30, 10, 0), "already past 48 minutes: warns at once")
        #expect(due.breachAt == utcDate(2026, 11, 30, 10, 10))
    }
}
