import Foundation
import Testing
@testable import SalesDeskDomain

/// Fixtures carry the source CRMs' real column names (see Docs/IMPORT.md) and the values issue #12 quotes.
@Suite("What an imported row means")
struct ImportMeaningTests {
    private func lead(headers: [String], _ cells: [String?], defaultCountryCode: String = "+1", region: PhoneRegion? = nil) throws -> ImportedLead {
        let validator = ImportRowValidator(mapping: try HeaderMapping.detect(headers: headers), defaultCountryCode: defaultCountryCode, phoneRegion: region)
        return try validator.validate(RawImportRow(number: 2, cells: cells)).get()
    }

    private func problem(headers: [String], _ cells: [String?]) throws -> RowProblem? {
        let validator = ImportRowValidator(mapping: try HeaderMapping.detect(headers: headers))
        if case .failure(let problem) = validator.validate(RawImportRow(number: 2, cells: cells)) { return problem }
        return nil
    }

    @Test("Salesforce AnnualRevenue and Zoho Annual Revenue are the company's revenue, never the deal value")
    func annualRevenueIsNotADealValue() throws {
        let salesforce = try lead(headers: ["Id", "FirstName", "LastName", "Company", "Email", "AnnualRevenue", "CurrencyIsoCode"],
                                  ["00Q5e000001", "Ana", "Silva", "Acme", "ana@acme.com", "12000000", "USD"])
        #expect(salesforce.value == .zero(.usd))
        #expect(salesforce.annualRevenue == Money(minorUnits: 1_200_000_000, currency: .usd))
        let zoho = try lead(headers: ["Record Id", "Lead Owner", "First Name", "Last Name", "Company", "Email", "Designation", "Annual Revenue"],
                            ["zcrm_1", "maria", "Li", "Wei", "Beta", "li@beta.com", "CTO", "5000000"])
        #expect(zoho.value == .zero(.usd))
        #expect(zoho.annualRevenue == Money(minorUnits: 500_000_000, currency: .usd))
    }

    @Test("phones are read in a default region without inventing or doubling a country code", arguments: [
        ("1-415-555-0108", PhoneRegion.nanp, ImportedPhone.e164("+14155550108")),
        ("(415) 555-0108", .nanp, .e164("+14155550108")),
        ("+44 (0)20 7946 0958", .nanp, .e164("+442079460958")),
        ("0044 20 7946 0958", .nanp, .e164("+442079460958")),
        ("4402079460958", .nanp, .asWritten("4402079460958")),
        ("020 7946 0958", PhoneRegion.named("GB")!, .e164("+442079460958")),
        ("2079460958", PhoneRegion.named("GB")!, .asWritten("2079460958")),
        ("06 1234 5678", PhoneRegion.named("IT")!, .e164("+390612345678")),
    ])
    func phones(text: String, region: PhoneRegion, expected: ImportedPhone) {
        #expect(PhoneNumber.imported(text, region: region) == expected)
    }

    @Test("a number that cannot be normalised with confidence is kept as written and flags the row")
    func unsurePhoneIsKeptAndFlagged() throws {
        let row = try lead(headers: ["Name", "Phone"], ["Ana", "4402079460958"])
        #expect(row.phone == "4402079460958")
        #expect(row.flags.contains { $0.contains("kept as written") })
    }

    @Test("the row's country decides how a national number is read")
    func rowCountryIsTheRegion() throws {
        let row = try lead(headers: ["Name", "Phone", "Country"], ["Ana", "030 1234567", "Germany"])
        #expect(row.phone == "+49301234567")
        #expect(row.country == "Germany")
    }

    @Test("HubSpot's Lead Status wins over a less specific Lifecycle Stage", arguments: [
        ("Lead", "Connected", StageKey.connected), ("Lead", "In Progress", .firstContact),
        ("Subscriber", "Attempted to contact", .firstContact), ("Lead", "IN_PROGRESS", .firstContact),
        ("MQL", "", .open), ("SQL", "", .connected), ("Customer", "Connected", .won), ("Lead", "Unqualified", .lost),
    ])
    func hubSpotStatus(lifecycle: String, status: String, expected: StageKey) throws {
        let row = try lead(headers: ["Record ID", "First Name", "Email", "Lifecycle Stage", "Lead Status"], ["1", "Ana", "ana@x.com", lifecycle, status])
        #expect(row.stage == expected)
    }

    @Test("Pipedrive's deal stage still wins over its open status")
    func pipedriveStageOverOpenStatus() throws {
        let row = try lead(headers: ["Person - Name", "Deal - Title", "Deal - Stage", "Deal - Status"], ["Ana", "Deal", "Proposal Made", "open"])
        #expect(row.stage == .proposalSent)
    }

    @Test("Salesforce DoNotCall, HasOptedOutOfEmail and Zoho Email Opt-out become the contact's consent flags")
    func consentFlags() throws {
        let salesforce = try lead(headers: ["Id", "LastName", "Email", "DoNotCall", "HasOptedOutOfEmail"], ["00Q1", "Silva", "a@x.com", "true", "false"])
        #expect(salesforce.consent == Consent(doNotCall: true, emailOptOut: false))
        let zoho = try lead(headers: ["Record Id", "Last Name", "Email", "Designation", "Email Opt-out"], ["z1", "Li", "l@x.com", "CEO", "TRUE"])
        #expect(zoho.consent == Consent(doNotCall: false, emailOptOut: true))
        #expect(try problem(headers: ["Id", "LastName", "DoNotCall"], ["1", "Silva", "perhaps"])?.column == "DoNotCall")
    }

    @Test("a do-not-call contact gets no call task; one who refused calls and email gets none at all")
    func consentIsHonoured() {
        let hot = FirstFollowUpRule.standard.step(forScore: 90, consent: Consent(doNotCall: true))
        #expect(hot?.type == .email)
        #expect(FirstFollowUpRule.standard.step(forScore: 90, consent: Consent(doNotCall: true, emailOptOut: true)) == nil)
        #expect(FirstFollowUpRule.standard.step(forScore: 10, consent: Consent(emailOptOut: true))?.type == .call)
    }

    @Test("spreadsheet noise in an amount rounds to the currency's minor units", arguments: [
        ("99.98999999999999", "USD", 9_999 as Int64), ("100.00000000000001", "USD", 10_000), ("1.23399999999", "BHD", 1_234), ("1500.0000000001", "JPY", 1_500),
    ])
    func amountNoise(text: String, currency: String, minor: Int64) throws {
        #expect(try Money.parse(text, currency: CurrencyCode(rawValue: currency)!).minorUnits == minor)
    }

    @Test("minor units follow ISO 4217 and too many decimals are refused with a reason that says so")
    func minorUnits() throws {
        #expect(CurrencyCode(rawValue: "JPY")!.minorUnitDigits == 0)
        #expect(CurrencyCode(rawValue: "BHD")!.minorUnitDigits == 3)
        #expect(try Money.parse("1.234", currency: CurrencyCode(rawValue: "BHD")!).minorUnits == 1_234)
        let dollars = try #require(try problem(headers: ["Name", "Value", "Currency"], ["Ana", "12.345", "USD"]))
        #expect(dollars.reason == "'12.345' has 3 decimals; USD has 2 (ISO 4217)")
        let yen = try #require(try problem(headers: ["Name", "Value", "Currency"], ["Ana", "500.5", "JPY"]))
        #expect(yen.reason == "'500.5' has 1 decimals; JPY has 0 (ISO 4217)")
    }

    @Test("external id, country and the source system's created date are kept")
    func externalFields() throws {
        let row = try lead(headers: ["Id", "LastName", "Email", "Country", "CreatedDate"], ["00Q9", "Silva", "a@x.com", "Portugal", "2024-03-01T10:00:00.000+0000"])
        #expect(row.externalID == "00Q9")
        #expect(row.country == "Portugal")
        #expect(row.createdAt == ImportDate.parse("2024-03-01"))
    }

    @Test("a Zoho export is named Zoho, not Salesforce, although both write Lead Owner, Lead Source and Lead Status")
    func zohoLayoutIsNamed() throws {
        let mapping = try HeaderMapping.detect(headers: ["Record Id", "Lead Owner", "First Name", "Last Name", "Company", "Email", "Lead Source", "Lead Status", "Designation"])
        #expect(mapping.layout == .zoho)
        let salesforce = try HeaderMapping.detect(headers: ["Lead ID", "Lead Owner", "First Name", "Last Name", "Company", "Email", "Lead Source", "Lead Status", "Title"])
        #expect(salesforce.layout == .salesforceLabels)
    }
}
