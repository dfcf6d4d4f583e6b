import SalesDeskDomain

/// A change the user asked for, carried out by the runtime through the store's named writes.
public enum DeskWrite: Sendable, Equatable {
    case completeFollowUp(Int64, outcome: String, next: NextFollowUp?, stage: StageKey?, lossReason: LossReason?)
    /// A call, e-mail or note that already happened, recorded as done, with no follow-up.
    case logActivity(RecordReference, type: ActivityType, subject: String, outcome: String)
    case rescheduleFollowUps([Int64], to: String, reason: String)
    case snoozeFollowUp(Int64)
    case moveLeads([Int64], to: StageKey, lossReason: LossReason?)
    case assignLeads([Int64], toHandle: String)
    case assignTicket(Int64, toHandle: String)
    case moveTicket(Int64, to: TicketStatus, customerConfirmed: Bool)
    case cycleTicketPriority(Int64)
    case commentOnTicket(Int64, body: String, toCustomer: Bool)
    case acknowledgeNotification(Int64)
    case snoozeNotification(Int64)
    case createLead(LeadInput)
    case editLead(Int64, LeadInput)
    case toggleOnHold(Int64)
    case createTicket(TicketInput)
    case setTicketCategory(Int64, TicketCategory)
    case scheduleFollowUp(FollowUpInput)
    /// Keep the first lead's contact; the second lead's contact is merged into it.
    case mergeContacts(keepingLead: Int64, duplicateLead: Int64)
}

/// The follow-up to schedule when one is completed: its type, subject and when (a time expression).
public struct NextFollowUp: Sendable, Equatable {
    public var type: ActivityType
    public var subject: String
    public var due: String

    public init(type: ActivityType, subject: String, due: String) {
        self.type = type
        self.subject = subject
        self.due = due
    }
}
