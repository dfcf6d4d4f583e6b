import Foundation

/// One data row of an import file as read: its row number in the file and its cells.
///
/// A nil cell holds bytes that are not UTF-8 (see ``ImportText``).
public struct RawImportRow: Sendable {
    /// Where the row starts in the file: its line (CSV) or sheet row (XLSX); the header is row 1.
    public var number: Int
    public var cells: [String?]
    /// Cells that cannot be read (by column index), with why: an XLSX formula with no saved result.
    /// A mapped column with a problem rejects the row; an unmapped one is ignored.
    public var problems: [Int: String]

    public init(number: Int, cells: [String?], problems: [Int: String] = [:]) {
        self.number = number
        self.cells = cells
        self.problems = problems
    }
}

/// Why a row was rejected: where and what.
public struct RowProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    /// The column's header, or empty for the row as a whole.
    public var column: String
    public var reason: String

    public init(row: Int, column: String, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }

    public var description: String { column.isEmpty ? "row \(row): \(reason)" : "row \(row), column \(column): \(reason)" }
}

/// A row that passed validation: normalised values ready to become a contact and a lead.
public struct ImportedLead: Equatable, Sendable {
    public var row: Int
    public var contactName: String
    public var email: String?
    /// ``DedupeKey/email(_:)`` of the email.
    public var emailKey: String?
    /// E.164, or as written when it could not be normalised with confidence (the row is flagged).
    public var phone: String?
    public var jobTitle: String?
    public var company: String?
    public var dealTitle: String
    /// Whether the file named the deal (a deal title), so the row is a deal and not just a contact.
    public var namesDeal = false
    public var source: LeadSource
    public var partner: String?
    /// Owner as written in the file (handle, email or name); resolved by the store.
    public var ownerText: String?
    public var stage: StageKey
    public var lossReason: LossReason?
    public var value: Money
    public var expectedCloseDate: Date?
    public var tags: [String]
    public var country: String?
    public var productInterest: String?
    public var companySize: Int?
    public var notes: String?
    /// The record's id in the system it came from; a re-import matches on it.
    public var externalID: String?
    /// The company's yearly revenue, stored on the account (never the deal value).
    public var annualRevenue: Money?
    /// Consent flags, stored on the contact: no call task for a do-not-call contact.
    public var consent: Consent = .init()
    /// When the source system created the record; becomes the lead's created date.
    public var createdAt: Date?
    /// Things fixed up on the way in (unknown source defaulted, controls removed), for the summary.
    public var flags: [String]

    /// ``DedupeKey/nameAndCompany(name:company:)`` of the contact.
    public var matchKey: String? { DedupeKey.nameAndCompany(name: contactName, company: company) }

    /// What the score model looks at.
    public var scoringInput: LeadScoring.Input {
        .init(source: source, title: jobTitle, hasEmail: email != nil, hasPhone: phone != nil, hasCompany: company != nil, companySize: companySize)
    }
}
