import Foundation
import SalesDeskDomain

/// What a form, the CLI or an import gives to create a lead: contact, company and deal fields.
public struct NewLead: Sendable {
    public var contactName: String
    public var email: String?
    public var phone: String?
    public var jobTitle: String?
    public var company: String?
    /// Deal name; defaults to `<company or contact> deal`.
    public var dealTitle: String?
    public var source: LeadSource
    public var partner: String?
    public var ownerID: Int64
    public var value: Money?
    public var expectedCloseDate: Date?
    public var tags: [String]
    /// A follow-up to schedule with the lead, e.g. "Call within 1 hour".
    public var firstFollowUp: NewFollowUp?

    public init(
        contactName: String, email: String? = nil, phone: String? = nil, jobTitle: String? = nil, company: String? = nil,
        dealTitle: String? = nil, source: LeadSource = .manual, partner: String? = nil, ownerID: Int64,
        value: Money? = nil, expectedCloseDate: Date? = nil, tags: [String] = [], firstFollowUp: NewFollowUp? = nil
    ) {
        self.contactName = contactName
        self.email = email
        self.phone = phone
        self.jobTitle = jobTitle
        self.company = company
        self.dealTitle = dealTitle
        self.source = source
        self.partner = partner
        self.ownerID = ownerID
        self.value = value
        self.expectedCloseDate = expectedCloseDate
        self.tags = tags
        self.firstFollowUp = firstFollowUp
    }
}

/// Edits to a lead's own fields; nil leaves a field as it is.
public struct LeadChanges: Sendable {
    public var title: String?
    public var value: Money?
    public var expectedCloseDate: Date?
    public var tags: [String]?
    public var partner: String?

    public init(title: String? = nil, value: Money? = nil, expectedCloseDate: Date? = nil, tags: [String]? = nil, partner: String? = nil) {
        self.title = title
        self.value = value
        self.expectedCloseDate = expectedCloseDate
        self.tags = tags
        self.partner = partner
    }
}

/// A follow-up to schedule: on a record, at a time, of a type.
public struct NewFollowUp: Sendable {
    public var type: ActivityType
    public var subject: String
    public var notes: String
    public var dueAt: Date
    public var durationMinutes: Int
    /// Owner; nil means the user scheduling it.
    public var ownerID: Int64?
    /// The record it is about; nil when created together with a lead (it is linked to that lead).
    public var record: RecordReference?

    public init(
        type: ActivityType, subject: String, notes: String = "", dueAt: Date, durationMinutes: Int = 30,
        ownerID: Int64? = nil, record: RecordReference? = nil
    ) {
        self.type = type
        self.subject = subject
        self.notes = notes
        self.dueAt = dueAt
        self.durationMinutes = durationMinutes
        self.ownerID = ownerID
        self.record = record
    }
}

/// A new support ticket; its team comes from the category's routing.
public struct NewTicket: Sendable {
    public var subject: String
    public var description: String
    public var priority: TicketPriority
    public var category: TicketCategory
    public var accountID: Int64?
    public var contactID: Int64?

    public init(subject: String, description: String = "", priority: TicketPriority = .normal, category: TicketCategory = .general, accountID: Int64? = nil, contactID: Int64? = nil) {
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.accountID = accountID
        self.contactID = contactID
    }
}
