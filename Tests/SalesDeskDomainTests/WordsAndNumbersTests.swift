import Foundation
import Testing
@testable import SalesDeskDomain

/// A UTC instant (2026-11-23 is a Monday: the standard business hours are open 09:00–17:00).
private func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    utcDate(year, month, day, hour, minute)
}

@Suite("Counts, amounts, periods and first-response records in people's words")
struct WordsAndNumbersTests {
    @Test("counts agree with their noun and group thousands", arguments: [
        (0, "0 tickets"), (1, "1 ticket"), (2, "2 tickets"), (52_994, "52,994 tickets"), (1_000_000, "1,000,000 tickets"),
    ])
    func counts(count: Int, phrase: String) {
        #expect(CountPhrase.of(count, "ticket") == phrase)
    }

    @Test("irregular plurals are given once, where the noun is")
    func irregularPlural() {
        #expect(CountPhrase.of(1, "SLA breach", plural: "SLA breaches") == "1 SLA breach")
        #expect(CountPhrase.of(3, "SLA breach", plural: "SLA breaches") == "3 SLA breaches")
    }

    @Test("short amounts keep thousands separators and one decimal", arguments: [
        (Int64(562_394_000_000), "5,623.9M"), (Int64(1_250_000), "12.5k"), (Int64(95_000), "950"), (Int64(120_000_000), "1.2M"),
        (Int64(100_000_000), "1M"),
    ])
    func compactAmounts(cents: Int64, text: String) {
        #expect(Money(minorUnits: cents, currency: .usd).compactAmount == text)
    }

    @Test("totals in several currencies name the largest and count the others in words")
    func mixedCurrencies() {
        let usd = Money(minorUnits: 562_394_000_000, currency: .usd)
        let eur = Money(minorUnits: 61_230_000_000, currency: CurrencyCode(rawValue: "EUR")!)
        let gbp = Money(minorUnits: 30_120_000_000, currency: CurrencyCode(rawValue: "GBP")!)
        let totals = MoneyTotals([gbp, usd, eur])
        #expect(totals.summary == "5,623.9M USD and 2 other currencies")
        #expect(totals.full == "5,623.9M USD, 612.3M EUR and 301.2M GBP")
        #expect(MoneyTotals([usd]).summary == "5,623.9M USD")
        #expect(MoneyTotals([usd, eur]).summary == "5,623.9M USD and 1 other currency")
        #expect(MoneyTotals([]).summary == "0")
    }

    @Test("this month and this quarter start at local midnight in the user's zone")
    func closedPeriods() {
        let lisbon = TimeZone(identifier: "Europe/Lisbon")!
        let now = instant(2026, 11, 20, 12)
        let month = ClosedPeriod.thisMonth.interval(at: now, in: lisbon)
        #expect(month.start == instant(2026, 11, 1, 0))
        #expect(month.end == instant(2026, 12, 1, 0))
        let quarter = ClosedPeriod.thisQuarter.interval(at: now, in: lisbon)
        #expect(quarter.start == instant(2026, 9, 30, 23))
        #expect(quarter.end == instant(2027, 1, 1, 0))
        #expect(ClosedPeriod.custom(DateInterval(start: instant(2026, 9, 1), end: instant(2026, 11, 16))).label(in: TimeZone(identifier: "UTC")!)
                == "1 Sep 2026 – 15 Nov 2026")
    }

    @Test("due times are written in the reader's zone as a weekday, date and time")
    func timeWords() {
        #expect(TimeWords.dayAndTime(instant(2026, 11, 23, 14), in: TimeZone(identifier: "Asia/Tokyo")!) == "Mon 23 Nov at 23:00")
        #expect(TimeWords.zone("Not/AZone") == TimeZone(identifier: "UTC"))
    }

    @Test("next stage is the following open stage, and none after the last open one or a closed one")
    func nextStage() {
        let pipeline = Pipeline.standard
        #expect(pipeline.nextStage(after: .open) == .firstContact)
        #expect(pipeline.nextStage(after: .negotiation) == .integrationApproved)
        #expect(pipeline.nextStage(after: .integrationApproved) == nil)
        #expect(pipeline.nextStage(after: .won) == nil)
        #expect(pipeline.nextStage(after: .lost) == nil)
    }

    @Test("typed stage names match by prefix, ignoring case and spaces, and an exact name wins")
    func stagePrefixes() {
        let pipeline = Pipeline.standard
        #expect(pipeline.stages(matching: "neg") == [.negotiation])
        #expect(pipeline.stages(matching: "Proposal S") == [.proposalSent])
        #expect(pipeline.stages(matching: "demo") == [.demoScheduled, .demoGiven])
        #expect(pipeline.stages(matching: "won") == [.won])
        #expect(pipeline.stages(matching: "open") == [.open])
        #expect(pipeline.stages(matching: "bogus").isEmpty)
        #expect(pipeline.stages(matching: "  ").isEmpty)
    }

    @Test("a first-response record is judged by the breach recorded when it happened: met, breached late or never, running, or closed without a reply")
    func firstResponseRecords() {
        let clock = FirstResponseClock(targetSeconds: 3600, warnAtFraction: 0.8)
        let due = FirstResponseDue(clock: clock, usedSeconds: 0, runningSince: instant(2026, 11, 23, 10), hours: .standard)
        let deadline = instant(2026, 11, 23, 11)
        #expect(FirstResponseRecord.of(firstResponseAt: instant(2026, 11, 23, 10, 30), recordedBreachAt: nil, isClosed: false, clock: due)
                == .met(at: instant(2026, 11, 23, 10, 30)))
        #expect(FirstResponseRecord.of(firstResponseAt: instant(2026, 11, 23, 12), recordedBreachAt: deadline, isClosed: false, clock: due)
                == .breached(at: deadline, answeredAt: instant(2026, 11, 23, 12)))
        #expect(FirstResponseRecord.of(firstResponseAt: nil, recordedBreachAt: deadline, isClosed: true, clock: due)
                == .breached(at: deadline, answeredAt: nil))
        #expect(FirstResponseRecord.of(firstResponseAt: nil, recordedBreachAt: nil, isClosed: true, clock: due) == .closedWithoutReply)
        #expect(FirstResponseRecord.of(firstResponseAt: nil, recordedBreachAt: nil, isClosed: false, clock: due) == .running(due))
        // An answer later than today's clock says (the priority was raised since) stays met: it was judged when it came.
        #expect(FirstResponseRecord.of(firstResponseAt: instant(2026, 11, 23, 12), recordedBreachAt: nil, isClosed: false, clock: due)
                == .met(at: instant(2026, 11, 23, 12)))
    }

}
