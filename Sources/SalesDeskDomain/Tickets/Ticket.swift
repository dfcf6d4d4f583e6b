import Foundation

/// A support ticket: `T-000123`, routed by category, measured against a first-response SLA.
public struct Ticket: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var accountID: Int64?
    public var contactID: Int64?
    public var subject: String
    public var description: String
    public var priority: TicketPriority
    public var category: TicketCategory
    public var teamID: Int64?
    public var assigneeID: Int64?
    public var status: TicketStatus
    public var createdAt: Date
    public var updatedAt: Date
    /// First customer-visible reply; nil until someone answers the customer.
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Customer satisfaction 1–5 given on close.
    public var satisfaction: Int?

    public init(
        id: Int64? = nil, accountID: Int64? = nil, contactID: Int64? = nil, subject: String, description: String = "",
        priority: TicketPriority = .normal, category: TicketCategory = .general, teamID: Int64? = nil,
        assigneeID: Int64? = nil, status: TicketStatus = .new, createdAt: Date, updatedAt: Date? = nil,
        firstResponseAt: Date? = nil, resolvedAt: Date? = nil, closedAt: Date? = nil, satisfaction: Int? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.contactID = contactID
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.teamID = teamID
        self.assigneeID = assigneeID
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.satisfaction = satisfaction
    }

    /// The number users quote: `T-000123`.
    public var number: String { Self.number(for: id ?? 0) }

    /// Formats a ticket id as its number.
    public static func number(for id: Int64) -> String {
        let digits = String(id)
        return "T-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Reads `T-000123`, `t-123` or `123` back into an id.
    public static func id(fromNumber text: String) -> Int64? {
        var trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if trimmed.hasPrefix("T-") { trimmed.removeFirst(2) }
        guard let id = Int64(trimmed), id > 0 else { return nil }
        return id
    }
}

/// A comment on a ticket: internal, or visible to the customer (which counts as a response).
public struct TicketComment: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var ticketID: Int64
    public var authorID: Int64
    public var body: String
    public var isCustomerVisible: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, ticketID: Int64, authorID: Int64, body: String, isCustomerVisible: Bool, createdAt: Date) {
        self.id = id
        self.ticketID = ticketID
        self.authorID = authorID
        self.body = body
        self.isCustomerVisible = isCustomerVisible
        self.createdAt = createdAt
    }
}
