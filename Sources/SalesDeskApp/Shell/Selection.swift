import SalesDeskDomain

/// What is selected on a screen, with what shared commands need to know about it.
public enum Selection: Sendable, Equatable {
    case none
    /// A lead, with its contact's name (for dialog titles).
    case lead(Lead, name: String)
    /// A follow-up.
    case activity(Activity)
    case ticket(Ticket)
    case notification(SalesDeskDomain.Notification)

    public var leadID: Int64? {
        switch self {
        case .lead(let lead, _): lead.id
        case .activity(let activity): if case .lead(let id) = activity.record { id } else { nil }
        default: nil
        }
    }

    public var ticketID: Int64? {
        switch self {
        case .ticket(let ticket): ticket.id
        case .activity(let activity): if case .ticket(let id) = activity.record { id } else { nil }
        default: nil
        }
    }

    public var activity: Activity? {
        if case .activity(let activity) = self { return activity }
        return nil
    }

    /// The record this selection is about (a follow-up's record, or the lead or ticket itself).
    public var record: RecordReference? {
        switch self {
        case .none: nil
        case .lead(let lead, _): lead.id.map(RecordReference.lead)
        case .activity(let activity): activity.record
        case .ticket(let ticket): ticket.id.map(RecordReference.ticket)
        case .notification(let item): item.record
        }
    }
}
