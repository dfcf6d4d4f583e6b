import Foundation
import Testing
@testable import SalesDeskDomain

@Suite("Import row validation")
struct ImportRowValidatorTests {
    let headers = ["Name", "Email", "Phone", "Company", "Source", "Value", "Currency", "Expected Close Date", "Job Title", "Notes"]

    private func validate(_ cells: [String?], row: Int = 2) throws -> Result<ImportedLead, RowProblem> {
        let validator = ImportRowValidator(mapping: try HeaderMapping.detect(headers: headers), defaultCountryCode: "+49")
        return validator.validate(RawImportRow(number: row, cells: cells))
    }

    private func problem(_ cells: [String?], row: Int = 2) throws -> RowProblem? {
        if case .failure(let problem) = try validate(cells, row: row) { return problem }
        return nil
    }

    private func lead(_ cells: [String?]) throws -> ImportedLead {
        try validate(cells).get()
    }

    @Test("a clean row becomes a lead with normalised email key and E.164 phone from the default country")
    func cleanRow() throws {
        let lead = try lead(["  Ana Silva ", " Ana@Example.COM ", "0151 1234567", "Acme GmbH", "Web", "12,500.50", "eur", "2026-12-31", "CEO", ""])
        #expect(lead.contactName == "Ana Silva")
        #expect(lead.emailKey == "ana@example.com")
        #expect(lead.phone == "+491511234567")
        #expect(lead.source == .websiteForm)
        #expect(lead.value == Money(minorUnits: 1_250_050, currency: .eur))
        #expect(lead.expectedCloseDate == Date(timeIntervalSince1970: 1_798_675_200))
        #expect(lead.dealTitle == "Acme GmbH deal")
        #expect(lead.flags.isEmpty)
    }

    @Test("each bad value rejects its row naming the row, the column and the reason", arguments: [
        (["Ana", "ana@", "", "", "", "", "", "", "", ""], "row 7, column Email: 'ana@' is not a valid email address"),
        (["Ana", "", "call me", "", "", "", "", "", "", ""], "row 7, column Phone: 'call me' is not a phone number"),
        (["Ana", "", "", "", "", "-5", "", "", "", ""], "row 7, column Value: '-5' is not an amount (digits, optional decimals, no negative values)"),
        (["Ana", "", "", "", "", "5", "dollars", "", "", ""], "row 7, column Currency: 'dollars' is not a three-letter currency code"),
        (["Ana", "", "", "", "", "", "", "2026-02-30", "", ""], "row 7, column Expected Close Date: '2026-02-30' is not a date (use YYYY-MM-DD)"),
        (["", "", "", "Acme", "", "", "", "", "", ""], "row 7: needs a name, an email or a phone"),
        (["Ana", "a@b.co", "", "", "", "", "", "", "", "", "extra"], "row 7: has 11 cells; the header has 10"),
    ] as [([String?], String)])
    func badValues(cells: [String?], expected: String) throws {
        #expect(try problem(cells, row: 7)?.description == expected)
    }

    @Test("invalid UTF-8 and NUL reject the row; escape, bidi and other controls are removed and flagged")
    func controlCharacters() throws {
        #expect(try problem(["Ana", nil, "", "", "", "", "", "", "", ""])?.description == "row 2, column Email: not valid UTF-8 text")
        #expect(try problem(["Ana\u{0}Silva", "", "", "", "", "", "", "", "", ""])?.description == "row 2, column Name: contains a NUL character")
        let cleaned = try lead(["\u{1B}[31mAna\u{202E} Silva\u{7}", "", "", "Acme\tCorp", "", "", "", "", "", "line 1\nline 2"])
        #expect(cleaned.contactName == "[31mAna Silva")
        #expect(cleaned.company == "Acme Corp")
        #expect(cleaned.notes == "line 1\nline 2")
        #expect(cleaned.flags == ["Name: control characters removed"])
    }

    @Test("a 2 MB name is rejected with the length and the limit")
    func hugeField() throws {
        let huge = String(repeating: "a", count: 2 * 1_048_576)
        #expect(try problem([huge, "", "", "", "", "", "", "", "", ""])?.description == "row 2, column Name: is 2097152 characters long; the limit is 200")
    }

    @Test("an unknown source becomes the default source and the row is flagged")
    func unknownSource() throws {
        let lead = try lead(["Ana", "", "", "", "Carrier pigeon", "", "", "", "", ""])
        #expect(lead.source == .bulkUpload)
        #expect(lead.flags == ["source 'Carrier pigeon' unknown: imported as Bulk upload"])
    }

    @Test("short rows count missing cells as empty; a name can come from the email alone")
    func shortRow() throws {
        #expect(try lead(["Ana"]).contactName == "Ana")
        #expect(try lead(["", "solo@example.com"]).contactName == "solo@example.com")
    }

    @Test("the export's formula guard is removed on import, and spreadsheet serial dates are read")
    func formulaGuardAndSerialDates() throws {
        let lead = try lead(["'=Ana", "", "'+49 151 1234567", "", "", "", "", "46387", "", ""])
        #expect(lead.contactName == "=Ana")
        #expect(lead.phone == "+491511234567")
        #expect(lead.expectedCloseDate == Date(timeIntervalSince1970: 1_798_675_200))
    }
}
