import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// What an import stores: small files with the source CRMs' real column names.
extension LeadImportTests {
    private func value(_ sql: String) throws -> Int64? {
        try desk.database.writer.read { db in try Int64.fetchOne(db, sql: sql) }
    }

    @Test("a Salesforce AnnualRevenue is stored on the account and adds nothing to the pipeline")
    func annualRevenueOnTheAccount() throws {
        try run(try csv("""
            Id,FirstName,LastName,Company,Email,AnnualRevenue,CurrencyIsoCode,Status
            00Q5e01,Ana,Silva,Acme Corp,ana@acme.com,12000000,USD,Open - Not Contacted
            """))
        #expect(try value("SELECT value_minor FROM lead") == 0)
        #expect(try value("SELECT annual_revenue_minor FROM account WHERE name = 'Acme Corp'") == 1_200_000_000)
        #expect(try value("SELECT COALESCE(SUM(value_minor), 0) FROM pipeline_total") == 0)
    }

    @Test("a second Pipedrive deal for a known person is a new lead on that contact; re-importing adds nothing")
    func secondDealIsKept() throws {
        let path = try csv("""
            Deal - ID,Deal - Title,Person - Name,Person - Email - Work,Organization - Name,Deal - Value,Deal - Stage
            101,Acme - 40 seats,Ana Silva,ana@acme.com,Acme,4000,Qualified
            102,Acme - support plan,Ana Silva,ana@acme.com,Acme,900,Lead In
            """)
        let first = try run(path)
        #expect(first.imported == 2)
        #expect(try desk.count("contact") == 1)
        #expect(try desk.count("lead") == 2)
        #expect(try desk.count("lead", where: "tags LIKE '%possible-duplicate%'") == 0)
        let again = try run(path)
        #expect(again.skipped == 2)
        #expect(try desk.count("lead") == 2)
    }

    @Test("a re-import matches on the external id even when the email changed")
    func externalIDMatches() throws {
        try run(try csv("Id,LastName,Email,Country,CreatedDate\n00Q7,Silva,ana@old.com,Portugal,2024-03-01T10:00:00.000+0000\n"))
        #expect(try value("SELECT created_at FROM lead WHERE external_id = '00Q7'") == Int64(ImportDate.parse("2024-03-01")!.timeIntervalSince1970))
        #expect(try desk.count("contact", where: "country = 'Portugal'") == 1)
        let again = try run(try csv("Id,LastName,Email\n00Q7,Silva,ana@new.com\n"))
        #expect(again.skipped == 1)
        #expect(try desk.count("lead") == 1)
    }

    @Test("a do-not-call contact keeps the flag, shows it on the lead detail and gets no call task")
    func doNotCallIsHonoured() throws {
        try run(try csv("""
            Id,FirstName,LastName,Company,Email,Phone,Title,LeadSource,DoNotCall,HasOptedOutOfEmail
            00Q1,Ana,Silva,Acme,ana@acme.com,+1 415 555 0108,CEO,Partner,true,false
            """))
        let leadID = try #require(try value("SELECT id FROM lead"))
        #expect(try desk.database.leadDetail(leadID).contact.consent == Consent(doNotCall: true, emailOptOut: false))
        #expect(try desk.count("activity", where: "type = 'call'") == 0)
        #expect(try desk.count("activity", where: "type = 'email'") == 1)
    }

    @Test("the same person written in two phone formats is found as a duplicate")
    func phoneFormatsDedupe() throws {
        try run(try csv("Name,Phone\nAna Silva,+1 415 555 0108\n"))
        let again = try run(try csv("Name,Phone\nAna Silva,1-415-555-0108\n"))
        #expect(again.skipped == 1)
        #expect(try desk.count("contact", where: "phone = '+14155550108'") == 1)
    }

    @Test("owners that name no desk user are listed in the summary and go to --owner-fallback")
    func unknownOwners() throws {
        let path = try csv("Name,Email,Owner\nAna,ana@x.com,Jane Roe\nBo,bo@x.com,Jane Roe\nCy,cy@x.com,\(desk.rep.handle)\n")
        let summary = try run(path, ImportOptions(ownerFallback: desk.otherRep.handle))
        #expect(summary.unknownOwners == ["Jane Roe": 2])
        #expect(summary.fallbackOwner == desk.otherRep.handle)
        #expect(try desk.count("lead", where: "owner_id = \(desk.otherRep.id!)") == 2)
        #expect(summary.details(dryRun: false, rejectsPath: nil).contains { $0.contains("Owner 'Jane Roe' is not a desk user: 2 leads went to \(desk.otherRep.handle)") })
    }

    @Test("the summary shows the first rejection reasons, counts fix-ups only on imported rows and a dry run imports nothing")
    func summaryWords() throws {
        try run(try csv("Name,Email\nAna,ana@x.com\n"))
        let path = try csv("Name,Email,Source\nAna,ana@x.com,Carrier pigeon\nBo,not-mail,\n")
        let summary = try run(path)
        #expect(summary.flagged == 0, "the flagged row was skipped as a duplicate, not imported")
        let lines = summary.details(dryRun: false, rejectsPath: nil)
        #expect(lines.contains("    row 3, column Email: 'not-mail' is not a valid email address"))
        #expect(!lines.contains { $0.contains("fix-ups") })
        let dry = try run(try csv("Name,Email\nCy,cy@x.com\n"), ImportOptions(dryRun: true))
        #expect(!dry.headline(dryRun: true).contains("1 imported"))
        #expect(dry.headline(dryRun: true).contains("1 would be imported"))
    }

    @Test("a rewritten file of the same size and the same first megabyte has another fingerprint")
    func fingerprintCoversTheWholeFile() throws {
        let head = String(repeating: "Name,Email\n", count: 1)
        let filler = String(repeating: "x", count: 1 << 20)
        let first = try csv(head + filler + "\nAna,ana@x.com\n")
        let second = try csv(head + filler + "\nBob,bob@x.com\n")
        #expect(ImportFingerprint(path: first).fingerprint != ImportFingerprint(path: second).fingerprint)
    }
}
