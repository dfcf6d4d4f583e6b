import Foundation
import Testing
import SalesDeskDomain
@testable import SalesDeskAutomation

@Suite("Rule evaluation and planning")
struct RuleEvaluationTests {
    /// Friday 2026-11-27 16:00 UTC; Monday 2026-11-30 is a holiday in `calendar`.
    static let friday4pm = Date(timeIntervalSince1970: 1_795_795_200)
    static let calendar = BusinessHours(timeZoneID: "UTC", windows: Dictionary(uniqueKeysWithValues: (1...5).map {
        ($0, BusinessHours.Window(openMinute: 9 * 60, closeMinute: 17 * 60))
    }), holidays: ["2026-11-30"])

    let clock = RuleClock(now: friday4pm, businessHours: calendar)

    func bigDemo(value: Double = 12_000, source: String = "website_form") -> RuleSubject {
        RuleSubject(kind: .lead, id: 7, fields: [
            .stage: .choice(key: "demo_given", label: "Demo Given"), .value: .number(value),
            .source: .choice(key: source, label: source), .owner: .person(handle: "jonas", name: "Jonas Berg"),
        ], mergeValues: ["lead.name": "Acme deal", "lead.value": "12,000.00 EUR"])
    }

    @Test func fridayAtFourPlusOneBusinessDaySkipsTheWeekendAndTheMondayHoliday() {
        let due = clock.instant(after: .amount(1, .businessDays), from: Self.friday4pm, stallDays: nil)
        #expect(due == Date(timeIntervalSince1970: 1_795_795_200 + 4 * 86_400))   // Tuesday 16:00
    }

    @Test func oneBusinessHourBeforeCloseEndsExactlyAtClose() {
        #expect(clock.instant(after: .amount(1, .businessHours), from: Self.friday4pm, stallDays: nil)
                == Self.friday4pm.addingTimeInterval(3_600))
    }

    @Test func theIssuesRuleFiresForABigDemoAndPlansTheTaskAndTheMessage() throws {
        let rule = try RuleParser().parse(RuleParserTests.issueExample)
        let event = RuleEvent(id: 3, change: .fieldChanged(.stage, from: "connected", to: "Demo Given"), record: .lead, recordID: 7, at: Self.friday4pm)
        #expect(rule.trigger.matches(event))
        let decision = RuleDecision.decide(rule, on: bigDemo(), triggered: true, because: event.summary, clock: clock)
        #expect(decision.fires)
        #expect(decision.checks.map(\.passed) == [true, true])
        #expect(decision.plans == [
            .createFollowUp(type: "email", subject: "Send the demo recap", dueAt: Date(timeIntervalSince1970: 1_795_795_200 + 4 * 86_400), assignee: .owner),
            .notify(.manager, title: "Big demo done: Acme deal (12,000.00 EUR)"),
        ])
    }

    @Test func aSmallDealOrAPartnerReferralDoesNotFireAndSaysWhichTermFailed() throws {
        let rule = try RuleParser().parse(RuleParserTests.issueExample)
        let small = RuleDecision.decide(rule, on: bigDemo(value: 9_999), triggered: true, because: "", clock: clock)
        #expect(!small.fires && small.plans.isEmpty)
        #expect(small.checks.map(\.passed) == [false, true])
        let partner = RuleDecision.decide(rule, on: bigDemo(source: "partner_referral"), triggered: true, because: "", clock: clock)
        #expect(partner.checks.map(\.passed) == [true, false])
    }

    @Test func changesToIsAnEdgeNotAState() throws {
        let trigger = Trigger.fieldChanges(.lead, .stage, from: nil, to: .text("Demo Given"))
        #expect(trigger.matches(RuleEvent(id: 1, change: .fieldChanged(.stage, from: "Connected", to: "Demo Given"), record: .lead, recordID: 1, at: .now)))
        #expect(!trigger.matches(RuleEvent(id: 2, change: .fieldChanged(.stage, from: "Demo Given", to: "Demo Given"), record: .lead, recordID: 1, at: .now)))
        #expect(!trigger.matches(RuleEvent(id: 3, change: .fieldChanged(.stage, from: "Demo Given", to: "Proposal Sent"), record: .lead, recordID: 1, at: .now)))
        #expect(!trigger.matches(RuleEvent(id: 4, change: .fieldChanged(.stage, from: "Connected", to: "Demo Given"), record: .ticket, recordID: 1, at: .now)))
    }

    @Test func aScoreCrossesItsThresholdOnlyWhenRisingToIt() {
        let trigger = Trigger.scoreCrosses(80)
        func event(_ from: String, _ to: String) -> RuleEvent {
            RuleEvent(id: 1, change: .fieldChanged(.score, from: from, to: to), record: .lead, recordID: 1, at: .now)
        }
        #expect(trigger.matches(event("79", "80")))
        #expect(!trigger.matches(event("80", "95")))
        #expect(!trigger.matches(event("90", "70")))
    }

    @Test func noActivityCountsFromTheLastTouchToTheInjectedNow() {
        var subject = bigDemo()
        subject.lastTouchedAt = Self.friday4pm.addingTimeInterval(-3 * 86_400)
        let evaluator = ConditionEvaluator(clock: clock)
        #expect(evaluator.evaluate(.noActivity(for: .amount(3, .days)), on: subject).passed)
        #expect(!evaluator.evaluate(.noActivity(for: .amount(4, .days)), on: subject).passed)
    }

    @Test func inListsAndNotCheckChoicesByKeyOrLabel() {
        let evaluator = ConditionEvaluator(clock: clock)
        let notClosed = Condition.compare(.stage, .isNotIn, .list([.text("Won"), .text("Lost")]))
        #expect(evaluator.evaluate(notClosed, on: bigDemo()).passed)
        #expect(evaluator.evaluate(.compare(.stage, .isEqual, .word("demo_given")), on: bigDemo()).passed)
        #expect(!evaluator.evaluate(.not(.compare(.owner, .isEqual, .text("jonas"))), on: bigDemo()).passed)
    }

    @Test func unavailableExtensionsArePlannedButNeverPerformed() {
        let rule = Rule(name: "R", trigger: .created(.lead), actions: [.extensionPoint(.enrolInCadence, "Nurture")])
        #expect(ActionPlanner(clock: clock).plans(for: rule, on: bigDemo()) == [.unavailable("enrol in cadence \"Nurture\"")])
    }
}

@Suite("Time-trigger cutoffs")
struct CutoffTests {
    let clock = RuleClock(now: RuleEvaluationTests.friday4pm, businessHours: RuleEvaluationTests.calendar)

    @Test func theCutoffIsTheLastWholeSecondFromWhichTheDurationHasPassed() {
        let end = Date(timeIntervalSince1970: 1_795_795_200 + 4 * 86_400)   // Tuesday 16:00
        let cutoff = clock.latestStart(reaching: end, after: .amount(1, .businessDays), stallDays: nil)
        #expect(cutoff == RuleEvaluationTests.friday4pm)
        #expect(clock.latestStart(reaching: end, after: .amount(3, .days), stallDays: nil) == end.addingTimeInterval(-3 * 86_400))
    }
}
