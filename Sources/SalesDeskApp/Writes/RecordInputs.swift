import SalesDeskDomain

/// What the new-lead and edit-lead forms hold, as typed; ``WriteRunner`` validates it.
public struct LeadInput: Sendable, Equatable {
    public var name = ""
    public var email = ""
    public var phone = ""
    public var company = ""
    public var dealTitle = ""
    public var value = ""
    public var source: LeadSource = .manual
    public var tags = ""
    public var partner = ""

    public init() {}
}

/// What the new-ticket form holds.
public struct TicketInput: Sendable, Equatable {
    public var subject = ""
    public var description = ""
    public var priority: TicketPriority = .normal
    public var category: TicketCategory = .general

    public init() {}
}

/// What the new-follow-up form holds; `due` is a time expression (`tomorrow 9:00`, `+2h`).
public struct FollowUpInput: Sendable, Equatable {
    public var record: RecordReference?
    public var type: ActivityType = .call
    public var subject = ""
    public var due = ""
    public var notes = ""

    public init(record: RecordReference? = nil) { self.record = record }
}
