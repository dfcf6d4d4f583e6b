import Foundation
import Testing
import SalesDeskDomain
@testable import SalesDeskAutomation

/// The engine asks `ConditionEvaluator.holds` (no term texts, short-circuits) where dry runs and `why` ask
/// `evaluate`: the two must never disagree.
@Suite("The engine's condition shortcut")
struct ConditionShortcutTests {
    static let conditions = [
        "value >= 10000 and source is not partner_referral",
        "value >= 10000 or tags contains \"vip\"",
        "not (value < 5000 or source is event)",
        "(source is email or source is event) and not tags contains \"vip\"",
        "owner is empty or value > 20000",
        "not on hold and (value <= 9000 or source in (email, event))",
    ]

    static func subject(value: Double, source: String, tags: [String]) -> RuleSubject {
        RuleSubject(kind: .lead, id: 7, fields: [
            .value: .number(value), .source: .choice(key: source, label: source), .tags: .list(tags),
            .owner: .person(handle: "jonas", name: "Jonas Berg"),
        ], mergeValues: [:])
    }

    static let subjects = [
        subject(value: 12_000, source: "website_form", tags: []),
        subject(value: 3_000, source: "event", tags: ["vip"]),
        subject(value: 25_000, source: "partner_referral", tags: ["vip"]),
        subject(value: 8_000, source: "email", tags: []),
    ]

    @Test func theShortcutAnswersAsTheFullEvaluationDoesForEveryConditionAndRecord() throws {
        let clock = RuleClock(now: RuleEvaluationTests.friday4pm, businessHours: RuleEvaluationTests.calendar)
        let evaluator = ConditionEvaluator(clock: clock)
        var answers: Set<Bool> = []
        for text in Self.conditions {
            let rule = try RuleParser().parse("rule \"Check\"\nwhen lead value changes\nif \(text)\nthen notify owner \"Look\"")
            for subject in Self.subjects {
                let full = evaluator.evaluate(rule.condition, on: subject).passed
                #expect(evaluator.holds(rule.condition, on: subject) == full, "\(text) on \(subject.fields)")
                answers.insert(full)
            }
        }
        #expect(answers == [true, false])   // the cases cover both answers
    }

    @Test func aRuleWithoutConditionsFiresThroughTheShortcutWithItsPlans() throws {
        let rule = try RuleParser().parse("rule \"Always\"\nwhen lead value changes\nthen notify owner \"Look at {lead.name}\"")
        let clock = RuleClock(now: RuleEvaluationTests.friday4pm, businessHours: RuleEvaluationTests.calendar)
        let subject = Self.subjects[0]
        #expect(RuleDecision.plansIfFiring(rule, on: subject, clock: clock)
                == RuleDecision.decide(rule, on: subject, triggered: true, because: "", clock: clock).plans)
    }
}
