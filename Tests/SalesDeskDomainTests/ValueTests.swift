import Testing
@testable import SalesDeskDomain

@Suite("Money, phones, emails and scores")
struct ValueTests {
    @Test("money parses into integer minor units and never guesses separators", arguments: [
        ("12500.50", Int64(1_250_050)), ("12,500.5", 1_250_050), ("0.07", 7), ("100", 10_000),
    ])
    func moneyParses(text: String, cents: Int64) throws {
        #expect(try Money.parse(text, currency: .usd).minorUnits == cents)
    }

    @Test("malformed amounts are refused", arguments: ["", "12.345", "abc", "1.2.3", "-5", "99999999999999999999"])
    func badMoney(text: String) {
        #expect(throws: DomainError.self) { try Money.parse(text, currency: .usd) }
    }

    @Test("yen has no minor units")
    func yen() throws {
        let yen = CurrencyCode(rawValue: "jpy")!
        #expect(try Money.parse("1500", currency: yen).minorUnits == 1500)
        #expect(Money(minorUnits: 1_234_567, currency: yen).formattedAmount == "1,234,567")
        #expect(Money(minorUnits: 123_456_789, currency: .usd).description == "1,234,567.89 USD")
    }

    @Test("phones normalise to E.164", arguments: [
        ("+49 151 1234-5678", "+4915112345678"), ("(555) 010-2030", "+15550102030"), ("0049 30 1234567", "+49301234567"),
    ])
    func phones(text: String, expected: String) {
        #expect(PhoneNumber.e164(text, defaultCountryCode: "+1") == expected)
    }

    @Test("text that is not a phone is refused", arguments: ["call me", "12", "+1 555 0102 0304 0506 07", "555-ABC"])
    func notPhones(text: String) {
        #expect(PhoneNumber.e164(text) == nil)
    }

    @Test("emails are checked for shape", arguments: ["a@b.co", " Ana.Silva@Example.com ", "ána@exämple.de", "x+tag@sub.example.co.uk"])
    func goodEmails(text: String) throws {
        #expect(try FieldRules.email(text) != nil)
    }

    @Test("malformed emails are refused with a reason", arguments: ["ana", "ana@", "@x.com", "a b@x.com", "a@x", "a@.com", "a@x..com",
                                                                    "a@b@x.com", "a@x.com.", "a,b@x.com", "a;b@x.com", "<a@x.com>", "a\tb@x.com",
                                                                    "ána@x..com", "ána b@x.com"])
    func badEmails(text: String) {
        #expect(throws: DomainError.self) { try FieldRules.email(text) }
    }

    @Test("a name over 200 characters is refused with its length")
    func longName() {
        do {
            _ = try FieldRules.requiredName(String(repeating: "x", count: 201), field: "name")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "name: is 201 characters long; the limit is 200")
        }
    }

    @Test("score bands: hot from 70, warm from 40")
    func bands() {
        #expect(ScoreBand(score: 70) == .hot)
        #expect(ScoreBand(score: 69) == .warm)
        #expect(ScoreBand(score: 40) == .warm)
        #expect(ScoreBand(score: 39) == .cold)
    }

    @Test("the score is the capped sum of an explainable breakdown")
    func scoring() {
        let input = LeadScoring.Input(source: .partnerReferral, title: "CEO", hasEmail: true, hasPhone: true, hasCompany: true, companySize: 5000)
        let breakdown = LeadScoring().breakdown(for: input)
        #expect(breakdown.map(\.points) == [35, 30, 10, 10, 5, 15])
        #expect(LeadScoring().score(for: input) == 100)
        #expect(LeadScoring().score(for: .init(source: .bulkUpload, title: nil, hasEmail: false, hasPhone: false, hasCompany: false)) == 5)
    }
}
