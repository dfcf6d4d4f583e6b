import Testing
@testable import SalesDeskDomain

@Suite("Header mapping of known export layouts")
struct HeaderMappingTests {
    @Test("each known export layout is recognised and mapped without --map", arguments: [
        (["Name", "Email", "Phone", "Job Title", "Company", "Deal Title", "Source", "Owner", "Stage", "Loss Reason", "Value", "Currency", "Expected Close Date"],
         ImportLayout.template, [ImportField.name: 0, .email: 1, .phone: 2, .company: 4, .dealTitle: 5, .lossReason: 9, .expectedCloseDate: 12]),
        (["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Company Name", "Lead Status", "Contact owner", "Original Source"],
         .hubspot, [.externalID: 0, .firstName: 1, .lastName: 2, .email: 3, .phone: 4, .jobTitle: 5, .company: 6, .status: 7, .owner: 8, .source: 9]),
        (["Id", "FirstName", "LastName", "Company", "Email", "Phone", "LeadSource", "Status", "OwnerId", "Description"],
         .salesforceAPI, [.externalID: 0, .firstName: 1, .lastName: 2, .company: 3, .email: 4, .phone: 5, .source: 6, .status: 7, .owner: 8, .notes: 9]),
        (["Lead ID", "First Name", "Last Name", "Company", "Email", "Lead Source", "Lead Status", "Lead Owner"],
         .salesforceLabels, [.externalID: 0, .firstName: 1, .lastName: 2, .company: 3, .email: 4, .source: 5, .status: 6, .owner: 7]),
        (["Person - Name", "Person - Email - Work", "Organization - Name", "Deal - Value", "Deal - Currency of value", "Deal - Stage", "Deal - Status", "Deal - Lost reason"],
         .pipedrive, [.name: 0, .email: 1, .company: 2, .value: 3, .currency: 4, .stage: 5, .status: 6, .lossReason: 7]),
        (["Record Id", "Lead Owner", "First Name", "Last Name", "Company", "Email", "Designation", "Lead Source", "Lead Status"],
         .zoho, [.externalID: 0, .owner: 1, .firstName: 2, .lastName: 3, .company: 4, .email: 5, .jobTitle: 6, .source: 7, .status: 8]),
    ])
    func knownLayouts(headers: [String], layout: ImportLayout, expected: [ImportField: Int]) throws {
        let mapping = try HeaderMapping.detect(headers: headers)
        #expect(mapping.layout == layout)
        for (field, column) in expected { #expect(mapping.column(for: field) == column, "\(field)") }
    }

    @Test("columns no field uses are listed as unmapped, in file order")
    func unmapped() throws {
        let mapping = try HeaderMapping.detect(headers: ["Email", "Favourite Colour", "Name", "Shoe Size"])
        #expect(mapping.unmappedHeaders == ["Favourite Colour", "Shoe Size"])
    }

    @Test("--map moves a field to another column and field=- unmaps it")
    func overrides() throws {
        let mapping = try HeaderMapping.detect(headers: ["Name", "E-mail address", "Phone"], overrides: ["email=E-mail address", "phone=-"])
        #expect(mapping.column(for: .email) == 1)
        #expect(mapping.column(for: .phone) == nil)
        #expect(mapping.unmappedHeaders == ["Phone"])
    }

    @Test("--map naming a missing header or an unknown field is refused with the reason")
    func badOverrides() {
        #expect(throws: DomainError.invalidField(field: "--map", reason: "the file has no column 'Mail'")) {
            try HeaderMapping.detect(headers: ["Name", "Email"], overrides: ["email=Mail"])
        }
        #expect(throws: DomainError.self) { try HeaderMapping.detect(headers: ["Name"], overrides: ["shoe=Name"]) }
    }

    @Test("a file without a name, email or phone column is refused")
    func nothingIdentifying() {
        #expect(throws: DomainError.self) { try HeaderMapping.detect(headers: ["Colour", "Size"]) }
    }

    @Test("a lost Pipedrive deal arrives Lost with its reason; statuses of each system map to desk stages", arguments: [
        ("Negotiations Started", "lost", "Price too high", StageKey.lost, LossReason?.some(.priceTooHigh)),
        ("Proposal Made", "lost", "Champion left", .lost, .other("Champion left")),
        ("Proposal Made", "open", nil, .proposalSent, nil),
        ("Contact Made", "won", nil, .won, nil),
        (nil, "Closed - Not Converted", nil, .lost, .other("Not converted")),
        (nil, "Working - Contacted", nil, .firstContact, nil),
        (nil, "Bad timing", nil, .lost, .timingNotRight),
        (nil, "Junk Lead", nil, .lost, .other("Junk lead")),
        ("Demo Given", nil, nil, .demoGiven, nil),
    ] as [(String?, String?, String?, StageKey, LossReason?)])
    func statuses(stage: String?, status: String?, loss: String?, expected: StageKey, reason: LossReason?) {
        let mapped = ExternalStatus.map(stage: stage, status: status, lossText: loss, pipeline: .standard)
        #expect(mapped == ExternalStatus(stage: expected, lossReason: reason))
    }
}
