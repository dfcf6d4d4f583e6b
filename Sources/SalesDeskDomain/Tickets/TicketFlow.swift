/// The ticket flow as data: which status may follow which.
///
/// ```
/// New → Assigned → In Process ⇄ Pending at Customer
///                      └→ Resolved → Deployed → Closed
///                         Resolved ──────────→ Closed   (reopen: back to In Process)
/// ```
public struct TicketFlow: Sendable {
    public static let standard = TicketFlow()

    private let transitions: [TicketStatus: Set<TicketStatus>] = [
        .new: [.assigned],
        .assigned: [.inProcess],
        .inProcess: [.pendingAtCustomer, .resolved],
        .pendingAtCustomer: [.inProcess],
        .resolved: [.deployed, .closed, .inProcess],
        .deployed: [.closed, .inProcess],
        .closed: [.inProcess],
    ]

    /// The statuses a ticket in `status` may move to.
    public func nextStatuses(from status: TicketStatus) -> [TicketStatus] {
        TicketStatus.allCases.filter { transitions[status, default: []].contains($0) }
    }

    /// Checks a move. Assigning needs an assignee; closing needs the customer's confirmation.
    public func validateMove(
        from current: TicketStatus, to target: TicketStatus, hasAssignee: Bool, customerConfirmed: Bool
    ) throws(DomainError) {
        guard transitions[current, default: []].contains(target) else {
            throw DomainError.ticketMoveNotAllowed(
                from: current.label, to: target.label, allowed: nextStatuses(from: current).map(\.label))
        }
        if target == .assigned, !hasAssignee { throw DomainError.ticketNeedsAssignee }
        if target == .closed, !customerConfirmed { throw DomainError.closeNeedsCustomerConfirmation }
    }
}
