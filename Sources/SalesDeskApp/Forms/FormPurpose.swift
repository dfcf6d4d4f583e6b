import SalesDeskDomain

/// What a form does when submitted.
public enum FormPurpose: Sendable, Equatable {
    case completeFollowUp(Int64, onLead: Bool)
    /// Log a call, e-mail or note that already happened, with no follow-up.
    case logActivity(RecordReference)
    case rescheduleFollowUp([Int64])
    case moveLead([Int64])
    case assignLeads([Int64])
    case assignTicket(Int64)
    case moveTicket(Int64, from: TicketStatus)
    case commentOnTicket(Int64)
    case newLead
    case editLead(Int64)
    case newTicket
    case newFollowUp(RecordReference?)
    case ticketCategory(Int64)
    case importFile
    /// Merge the contact of the first lead with that of a lead to be named (the first one's is kept).
    case mergeContact(Int64)
    /// Whose deals the board shows.
    case boardOwner
    case commandLine
}
