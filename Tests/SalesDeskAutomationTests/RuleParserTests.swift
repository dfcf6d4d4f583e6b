import Testing
import SalesDeskTesting
@testable import SalesDeskAutomation

@Suite("Rule parser")
struct RuleParserTests {
    let parser = RuleParser()

    static let issueExample = RuleSamples.bigDemoRecap

    @Test func theIssuesExampleParsesIntoItsTriggerConditionsAndActions() throws {
        let rule = try parser.parse(Self.issueExample)
        #expect(rule.name == "Recap after a big demo")
        #expect(rule.trigger == .fieldChanges(.lead, .stage, from: nil, to: .text("Demo Given")))
        #expect(rule.condition == .and(.compare(.value, .atLeast, .number(10_000)), .compare(.source, .isNot, .word("partner_referral"))))
        #expect(rule.actions == [
            .createFollowUp(type: "email", subject: "Send the demo recap", due: .amount(1, .businessDays), assignee: .owner),
            .notify(.manager, message: "Big demo done: {lead.name} ({lead.value})"),
        ])
    }

    @Test func theIssuesExamplePrintsBackInTheSameWords() throws {
        #expect(RulePrinter.print(try parser.parse(Self.issueExample)) == Self.issueExample)
    }

    @Test(arguments: DefaultRules.all.map(\.text))
    func everyDefaultRulePrintsBackExactlyAsShipped(text: String) throws {
        #expect(RulePrinter.print(try parser.parse(text)) == text)
    }

    static let everyClause = [
        "when ticket is created", "when follow-up is created", "when account is created",
        "when lead owner changes", "when ticket priority changes from normal to critical", "when ticket status changes to \"Resolved\"",
        "when follow-up is completed", "when follow-up is overdue by 4 business hours", "when lead score crosses 80",
        "when lead has been in its stage for 10 days", "when ticket has been in status \"New\" for 30 minutes",
        "when 2 business days before lead expected close", "when 3 days after lead last touched", "when 1 hour before follow-up due",
        "when every weekday at 9:00", "when every monday at 16:30", "when an import finishes",
        "when ticket SLA is at risk", "when ticket SLA is breached", "when a reply is received", "when account health changes",
    ]

    @Test(arguments: everyClause)
    func everyTriggerRoundTrips(trigger: String) throws {
        let text = "rule \"R\"\n\(trigger)\nthen add note \"x\""
        #expect(RulePrinter.print(try parser.parse(text)) == text)
    }

    @Test func conditionsAndActionsOfEveryKindRoundTrip() throws {
        let text = """
            rule "Everything"
            also when caused by rules
            catch up each
            when lead stage changes from "Connected" to "Demo Given"
            if (score > 50 or tags contains "vip") and not on hold and owner is in team "Enterprise"
            and tags is not empty and title is empty or within business hours and no activity for 3 days
            then create follow-up meeting "Kickoff" due in 5 business days for round-robin in "Customer Success"
                 assign to least-loaded in "Sales"
                 assign to by country in "Sales"
                 assign to user "ana"
                 set stage to "Lost" because "No budget"
                 add tag "vip"
                 add note "Moved by {rule.name}"
                 notify team "Sales" "Heads up: {lead.name}"
                 notify user "kenji" "Look at {lead.name}"
                 run hook "crm-sync"
                 enrol in cadence "Nurture"
                 send template "Welcome"
            """
        let rule = try parser.parse(text)
        let printed = RulePrinter.print(rule)
        #expect(try parser.parse(printed) == rule)
        #expect(printed.contains("if (score > 50 or tags contains \"vip\") and not on hold"))
        #expect(rule.reactsToRuleChanges && rule.catchUp == .each)
    }

    @Test func andBindsTighterThanOr() throws {
        let rule = try parser.parse("rule \"R\"\nwhen lead is created\nif score > 1 or score > 2 and score > 3\nthen add note \"x\"")
        #expect(rule.condition == .or(.compare(.score, .greater, .number(1)),
                                      .and(.compare(.score, .greater, .number(2)), .compare(.score, .greater, .number(3)))))
    }

    @Test func aMisspeltStageIsReportedAtItsLineAndColumnWithTheNearestStage() {
        let text = "rule \"R\"\nwhen lead stage changes to \"Demo Givn\"\nthen add note \"x\""
        #expect(throws: RuleParseError(line: 2, column: 28,
                                       message: "expected a stage (Open, First Contact, Connected, Demo Scheduled, Demo Given, Proposal Sent, Negotiation, Integration Approved, Won, Lost), found the text \"Demo Givn\"",
                                       suggestion: "Demo Given")) {
            try parser.parse(text)
        }
    }

    @Test func aMisspeltFieldSuggestsTheField() throws {
        do {
            _ = try parser.parse("rule \"R\"\nwhen lead is created\nif vaule >= 10\nthen add note \"x\"")
            Issue.record("parsed a misspelt field")
        } catch {
            #expect(error.line == 3 && error.column == 4 && error.suggestion == "value")
            #expect(error.description.hasPrefix("line 3, column 4: expected a field (stage, value"))
        }
    }

    @Test func anUnknownMergeFieldIsAnErrorAtItsBrace() throws {
        do {
            _ = try parser.parse("rule \"R\"\nwhen lead is created\nthen notify owner \"Hi {lead.nmae}\"")
            Issue.record("parsed an unknown merge field")
        } catch {
            #expect(error.line == 3 && error.column == 23 && error.suggestion == "{lead.name}")
        }
    }

    @Test func aLostStageWithoutAReasonIsRefused() {
        #expect(throws: RuleParseError.self) {
            try parser.parse("rule \"R\"\nwhen lead is created\nthen set stage to \"Lost\"")
        }
    }

    @Test func aMissingThenSaysWhatWasExpected() throws {
        do {
            _ = try parser.parse("rule \"R\"\nwhen lead is created\nnotify owner \"x\"")
            Issue.record("parsed a rule without then")
        } catch {
            #expect(error.description == "line 3, column 1: expected 'then' and what the rule does, found 'notify'")
        }
    }

    @Test func anUnclosedQuoteIsReportedWhereTheTextStarts() {
        #expect(throws: RuleParseError(line: 1, column: 6, message: "this text has no closing quote (\")")) {
            try parser.parse("rule \"R\nwhen lead is created")
        }
    }

    @Test func aSeededFuzzerNeverCrashesTheParserAndEveryErrorPointsInsideTheText() {
        var fuzzer = Fuzzer(seed: 14, tokens: [
            "rule", "\"R\"", "\n", "when", "lead", "stage", "changes", "to", "\"Won\"", "if", "value", ">=", "10,000", "EUR", "and", "or",
            "not", "(", ")", ",", "then", "notify", "owner", "\"{lead.name}\"", "{", "}", "create", "follow-up", "call", "due", "in",
            "1", "business", "day", "for", "every", "weekday", "at", "9", ":", "is", "empty", " ", "#", "99999999999999999999",
        ])
        var parsed = 0
        for input in fuzzer.inputs(count: 4_000, maxLength: 40) {
            do {
                let rule = try parser.parse(input)
                parsed += 1
                #expect(try parser.parse(RulePrinter.print(rule)) == rule)
            } catch {
                let lines = input.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(error.line >= 1 && error.line <= lines + 1)
                #expect(error.column >= 1)
            }
        }
        let structured = (0..<200).map { "rule \"R\(($0))\"\nwhen lead is created\nthen add note \"n\($0)\"" }
        for text in structured { #expect(throws: Never.self) { try parser.parse(text) } }
        _ = parsed
    }
}
