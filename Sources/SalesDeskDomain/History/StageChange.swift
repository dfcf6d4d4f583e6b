import Foundation

/// One step of a lead's stage history: it entered `to` (from `from`, nil when it was created there) at `at`.
public struct StageChange: Codable, Equatable, Sendable {
    public var leadID: Int64
    /// The stage it left; nil for the first entry (the stage the lead was created or imported in).
    public var from: StageKey?
    public var to: StageKey
    public var at: Date
    /// Who moved it; nil when the history was rebuilt from data that does not say.
    public var userID: Int64?

    public init(leadID: Int64, from: StageKey?, to: StageKey, at: Date, userID: Int64? = nil) {
        self.leadID = leadID
        self.from = from
        self.to = to
        self.at = at
        self.userID = userID
    }
}

/// One step of a ticket's status history.
public struct StatusChange: Codable, Equatable, Sendable {
    public var ticketID: Int64
    /// The status it left; nil for the first entry (created).
    public var from: TicketStatus?
    public var to: TicketStatus
    public var at: Date
    public var userID: Int64?

    public init(ticketID: Int64, from: TicketStatus?, to: TicketStatus, at: Date, userID: Int64? = nil) {
        self.ticketID = ticketID
        self.from = from
        self.to = to
        self.at = at
        self.userID = userID
    }
}
