import Foundation
import SalesDeskDomain
import Testing

@Suite("Scheduling rules")
struct SchedulingRuleTests {
    private let ninetoFive = BusinessHours.standard

    @Test("business time skips the weekend: two hours from Friday 16:00 end Monday 10:00")
    func weekend() {
        let friday = utcDate(2026, 11, 27, 16, 0)
        #expect(ninetoFive.instant(afterBusinessSeconds: 7200, from: friday) == utcDate(2026, 11, 30, 10, 0))
        #expect(ninetoFive.businessSeconds(from: friday, to: utcDate(2026, 11, 30, 10, 0)) == 7200)
    }

    @Test("a holiday is closed: with Monday off the same two hours end Tuesday 10:00")
    func holiday() {
        var hours = ninetoFive
        hours.holidays = ["2026-11-30"]
        #expect(hours.instant(afterBusinessSeconds: 7200, from: utcDate(2026, 11, 27, 16, 0)) == utcDate(2026, 12, 1, 10, 0))
    }

    @Test("across the end of summer time the calendar keeps local opening hours (Berlin 09:00 is 08:00 UTC after the change)")
    func daylightSaving() {
        let berlin = ninetoFive.inTimeZone("Europe/Berlin")
        let fridayFourPM = utcDate(2026, 10, 23, 14, 0) // 16:00 CEST
        let mondayTenAM = utcDate(2026, 10, 26, 9, 0) // 10:00 CET
        #expect(berlin.instant(afterBusinessSeconds: 7200, from: fridayFourPM) == mondayTenAM)
        #expect(berlin.businessSeconds(from: fridayFourPM, to: mondayTenAM) == 7200)
    }

    @Test("time outside opening hours counts nothing, and a clock started at night runs from the next opening")
    func closedHours() {
        #expect(ninetoFive.businessSeconds(from: utcDate(2026, 11, 23, 18, 0), to: utcDate(2026, 11, 24, 8, 59)) == 0)
        #expect(ninetoFive.instant(afterBusinessSeconds: 60, from: utcDate(2026, 11, 23, 22, 0)) == utcDate(2026, 11, 24, 9, 1))
    }

    @Test("the first-response clock warns at 80 % and breaches at 100 % of the business-time target, minus time already used")
    func firstResponseDeadlines() {
        let clock = FirstResponseClock(priority: .normal, routing: .standard)
        let start = utcDate(2026, 11, 23, 10, 0)
        let fresh = clock.deadlines(usedSeconds: 0, runningSince: start, hours: ninetoFive)
        #expect(fresh.warning == utcDate(2026, 11, 23, 11, 36))
        #expect(fresh.breach == utcDate(2026, 11, 23, 12, 0))
        let resumed = clock.deadlines(usedSeconds: 1800, runningSince: utcDate(2026, 11, 23, 14, 0), hours: ninetoFive)
        #expect(resumed.warning == utcDate(2026, 11, 23, 15, 6))
        #expect(resumed.breach == utcDate(2026, 11, 23, 15, 30))
        #expect(FirstResponseClock(priority: .critical, routing: .standard).targetSeconds == 1800)
        #expect(FirstResponseClock(priority: .high, routing: .standard).targetSeconds == 3600)
    }

    @Test("a lead stalls at its stage threshold and escalates at twice it")
    func stallCutoffs() {
        let connected = Pipeline.standard.openStages.first { $0.key == .connected }!
        let now = utcDate(2026, 11, 23, 10, 0)
        #expect(StallLevel.nudge.cutoff(for: connected, now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(StallLevel.escalation.cutoff(for: connected, now: now) == now.addingTimeInterval(-14 * 86_400))
        var neverStalls = connected
        neverStalls.stallDays = nil
        #expect(StallLevel.nudge.cutoff(for: neverStalls, now: now) == nil)
    }

    @Test("late work goes to the digest, and a reminder before an event that has passed is dropped")
    func firingDecisions() {
        let due = utcDate(2026, 11, 23, 13, 0)
        let event = utcDate(2026, 11, 23, 14, 0)
        let before = DueWork(id: 1, kind: .reminder, record: .activity(1), level: -3600, dueAt: due, eventAt: event)
        #expect(before.firing(at: due, catchUpAfter: 900) == .notify)
        #expect(before.firing(at: due.addingTimeInterval(900), catchUpAfter: 900) == .notify)
        #expect(before.firing(at: due.addingTimeInterval(901), catchUpAfter: 900) == .digest)
        #expect(before.firing(at: event, catchUpAfter: 900) == .skip)
        let after = DueWork(id: 2, kind: .reminder, record: .activity(1), level: 86_400, dueAt: event.addingTimeInterval(86_400), eventAt: event)
        #expect(after.firing(at: event.addingTimeInterval(3 * 86_400), catchUpAfter: 900) == .digest)
    }

    @Test("a digest coalesces missed items into one line with counts in a fixed order")
    func digestTitle() {
        var digest = AwayDigest()
        for index in 1...14 { digest.add(.reminder, title: "Call \(index)") }
        for index in 1...3 { digest.add(.stallNudge, title: "Lead \(index)") }
        #expect(digest.title == "While you were away: 14 reminders, 3 stalled leads")
        #expect(digest.body.split(separator: "\n") == ["Call 1", "Call 2", "Call 3", "Call 4", "Call 5", "… and 12 more"])
    }

    @Test("a failing hook is retried after 30 s, 60 s, 120 s, 240 s, then given up")
    func hookBackoff() {
        let hook = NotificationHook(name: "chat", command: "false")
        let failed = utcDate(2026, 11, 23, 10, 0)
        #expect((1...4).map { hook.retryAt(afterAttempt: $0, failedAt: failed)?.timeIntervalSince(failed) } == [30, 60, 120, 240])
        #expect(hook.retryAt(afterAttempt: 5, failedAt: failed) == nil)
    }
}
