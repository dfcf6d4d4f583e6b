import SalesDeskAutomation
import Testing

@Suite("Merge fields in a rule's messages")
struct MergeFieldTests {
    @Test("a field that comes out as 1 makes the unit after it singular", arguments: [
        ("{n} days", "1", "1 day"),
        ("{n} days", "5", "5 days"),
        ("for {n} business days now", "1", "for 1 business day now"),
        ("{n} hours left", "1", "1 hour left"),
        ("{n} daysy", "1", "1 daysy"),
        ("{n} tickets", "0", "0 tickets"),
    ])
    func singularAfterOne(template: String, value: String, expected: String) {
        #expect(ActionPlanner.merge(template, ["n": value]) == expected)
    }

    @Test("the stall nudge reads as a sentence for a lead one day in its stage")
    func stallNudgeOneDay() {
        let text = ActionPlanner.merge("{lead.name} has sat in {lead.stage} for {lead.days_in_stage} days",
                                    ["lead.name": "Acme — renewal", "lead.stage": "Open", "lead.days_in_stage": "1"])
        #expect(text == "Acme — renewal has sat in Open for 1 day")
    }

    @Test("a field the record does not have becomes a dash")
    func missingField() {
        #expect(ActionPlanner.merge("{nope} days", [:]) == "— days")
    }
}
