import Foundation
import Testing
@testable import SalesDeskDomain

@Suite("Dedupe keys, assignment rules, scoring and first follow-ups")
struct DedupeAndAssignmentTests {
    private func lead(source: LeadSource = .websiteForm, country: String? = nil, interest: String? = nil) -> ImportedLead {
        ImportedLead(row: 2, contactName: "Ana", email: nil, emailKey: nil, phone: nil, jobTitle: nil, company: nil, dealTitle: "Ana deal",
                     source: source, partner: nil, ownerText: nil, stage: .open, lossReason: nil, value: .zero(.usd), expectedCloseDate: nil,
                     tags: [], country: country, productInterest: interest, companySize: nil, notes: nil, flags: [])
    }

    @Test("emails compare without case and surrounding spaces")
    func emailKey() {
        #expect(DedupeKey.email("  Ana.Silva@Example.COM \n") == "ana.silva@example.com")
    }

    @Test("the fuzzy key ignores word order, case, accents, punctuation and legal suffixes")
    func fuzzyKey() {
        let key = DedupeKey.nameAndCompany(name: "Ana Silva", company: "Acme GmbH")
        #expect(key == "ana silva|acme")
        #expect(DedupeKey.nameAndCompany(name: "SILVA, Ána", company: "ACME") == key)
        #expect(DedupeKey.nameAndCompany(name: "Ana Silva", company: "Acme Logistics") != key)
        #expect(DedupeKey.nameAndCompany(name: "  ", company: "Acme") == nil)
        #expect(DedupeKey.nameAndCompany(name: "O'Brien-Smith, MARY 3rd", company: "Acme & Sons, Inc.") == "3rd brien mary o smith|acme sons")
        #expect(DedupeKey.email("\tANA@X.COM\r\n") == "ana@x.com")
        #expect(DedupeKey.email(" ÁNA@X.COM ") == "ána@x.com")
    }

    @Test("the first matching rule wins: source, then country, then product interest; unmatched go to the default owner")
    func rules() {
        let rules = AssignmentRules(rules: [
            .init(source: .partnerReferral, target: .user("max")),
            .init(country: "DE", target: .user("jonas")),
            .init(productInterest: "Enterprise", target: .user("ana")),
        ], defaultOwner: "lee")
        var picker = OwnerPicker(rules: rules, users: ["max": 1, "jonas": 2, "ana": 3, "lee": 4], teams: [:], loads: [:], fallback: 99)
        #expect(picker.pick(for: lead(source: .partnerReferral, country: "DE")) == 1)
        #expect(picker.pick(for: lead(country: "de")) == 2)
        #expect(picker.pick(for: lead(interest: "enterprise")) == 3)
        #expect(picker.pick(for: lead(country: "FR")) == 4)
    }

    @Test("round-robin takes a team's members in turn; least-loaded evens out counts")
    func teams() {
        let roundRobin = AssignmentRules(rules: [.init(target: .roundRobin(team: "EMEA"))])
        var picker = OwnerPicker(rules: roundRobin, users: [:], teams: ["EMEA": [10, 11, 12]], loads: [:], fallback: 99)
        #expect((0..<5).map { _ in picker.pick(for: lead()) } == [10, 11, 12, 10, 11])
        let leastLoaded = AssignmentRules(rules: [.init(target: .leastLoaded(team: "emea"))])
        var loaded = OwnerPicker(rules: leastLoaded, users: [:], teams: ["EMEA": [10, 11, 12]], loads: [10: 3, 11: 1, 12: 2], fallback: 99)
        #expect((0..<4).map { _ in loaded.pick(for: lead()) } == [11, 11, 12, 10])
    }

    @Test("a rule naming an unknown user or team falls back to the user running the import")
    func unknownTarget() {
        var picker = OwnerPicker(rules: AssignmentRules(rules: [.init(target: .roundRobin(team: "Nobody"))]), users: [:], teams: [:], loads: [:], fallback: 99)
        #expect(picker.pick(for: lead()) == 99)
    }

    @Test("the score's breakdown explains every point and the band follows the score")
    func scoring() {
        var hot = lead(source: .partnerReferral)
        hot.jobTitle = "VP Sales"
        hot.email = "a@b.co"
        hot.companySize = 250
        let lines = LeadScoring().breakdown(for: hot.scoringInput)
        #expect(lines == [
            .init(reason: "Source: Partner referral", points: 35), .init(reason: "Senior title: VP Sales", points: 20),
            .init(reason: "Has email", points: 10), .init(reason: "Company size 250", points: 10),
        ])
        #expect(LeadScoring().score(for: hot.scoringInput) == 75)
        #expect(ScoreBand(score: 75) == .hot)
        #expect(ScoreBand(score: 70) == .hot)
        #expect(ScoreBand(score: 39) == .cold)
    }

    @Test("hot leads get a call within the hour, warm within a day, cold an intro email")
    func firstFollowUps() {
        #expect(FirstFollowUpRule.standard.step(forScore: 85)?.subject == "Call within 1 hour")
        #expect(FirstFollowUpRule.standard.step(forScore: 85)?.dueAfter == 3_600)
        #expect(FirstFollowUpRule.standard.step(forScore: 40)?.subject == "Call within 1 day")
        #expect(FirstFollowUpRule.standard.step(forScore: 10)?.type == .email)
    }
}
