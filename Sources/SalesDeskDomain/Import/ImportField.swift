/// A desk field an imported column can fill.
public enum ImportField: String, CaseIterable, Sendable, Codable {
    case name, firstName = "first_name", lastName = "last_name", email, phone, jobTitle = "job_title", company
    case dealTitle = "deal_title", source, owner, stage, status, lossReason = "loss_reason", value, currency
    case expectedCloseDate = "expected_close_date", tags, partner, country, productInterest = "product_interest"
    case companySize = "company_size", notes, externalID = "external_id"
    /// The company's yearly revenue: stored on the account, never as a deal value.
    case annualRevenue = "annual_revenue"
    /// Consent flags, stored on the contact.
    case doNotCall = "do_not_call", emailOptOut = "email_opt_out"
    /// When the source system created the record: becomes the lead's created date.
    case createdDate = "created_date"

    /// The header the desk's own template uses for this field.
    public var templateHeader: String {
        switch self {
        case .name: "Name"
        case .firstName: "First Name"
        case .lastName: "Last Name"
        case .email: "Email"
        case .phone: "Phone"
        case .jobTitle: "Job Title"
        case .company: "Company"
        case .dealTitle: "Deal Title"
        case .source: "Source"
        case .owner: "Owner"
        case .stage: "Stage"
        case .status: "Status"
        case .lossReason: "Loss Reason"
        case .value: "Value"
        case .currency: "Currency"
        case .expectedCloseDate: "Expected Close Date"
        case .tags: "Tags"
        case .partner: "Partner"
        case .country: "Country"
        case .productInterest: "Product Interest"
        case .companySize: "Company Size"
        case .notes: "Notes"
        case .externalID: "External ID"
        case .annualRevenue: "Annual Revenue"
        case .doNotCall: "Do Not Call"
        case .emailOptOut: "Email Opt Out"
        case .createdDate: "Created"
        }
    }

    /// Finds a field by its code (`job_title`) or template header (`Job Title`), ignoring case and punctuation.
    public static func parse(_ text: String) -> ImportField? {
        let wanted = HeaderKey(text)
        return allCases.first { HeaderKey($0.rawValue) == wanted || HeaderKey($0.templateHeader) == wanted }
    }
}

/// A header compared without case, spaces or punctuation: `Job Title`, `job_title` and `JOB-TITLE` are equal.
public struct HeaderKey: Hashable, Sendable {
    public let text: String

    public init(_ header: String) {
        text = String(header.lowercased().unicodeScalars.filter { CharacterSetLite.isAlphanumeric($0) }.map(Character.init))
    }
}

/// ASCII-and-letters test without pulling CharacterSet into hot loops.
enum CharacterSetLite {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
