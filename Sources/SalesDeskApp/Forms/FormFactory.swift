import SalesDeskDomain
import TerminalUI

/// Opens the desk's dialogs, pre-filled from the selection. Each returns the form; the caller puts it in its context.
enum FormFactory {
    static let noChange = "(no change)"
    static let noReason = "(none)"
    static let noFollowUp = "none"

    /// `c` on a follow-up: the outcome, the next follow-up (type, subject, when) and, on a lead, a stage move.
    static func complete(_ activity: Activity, session: DeskSession) -> FormState? {
        let onLead: Bool = if case .lead = activity.record { true } else { false }
        guard let id = activity.id, activity.state == .planned else { return nil }
        var fields: [FormState.Field] = [
            .text(.outcome),
            .choice(.nextType, [noFollowUp] + ActivityType.allCases.map(\.label), selected: 1 + (ActivityType.allCases.firstIndex(of: activity.type) ?? 0)),
            .text(.nextSubject, "Follow up"),
            .text(.nextDue),
        ]
        if onLead {
            fields.append(.choice(.moveTo, [noChange] + stageNames(session), selected: 0))
            fields += lossFields()
        }
        return FormState(title: "Complete: \(activity.subject)", fields: fields, purpose: .completeFollowUp(id, onLead: onLead))
    }

    /// `L`: log a call, e-mail or note that already happened, with no follow-up.
    static func logActivity(on record: RecordReference, name: String) -> FormState {
        FormState(title: "Log an activity on \(name)", fields: [
            .choice(.activityType, ActivityType.allCases.map(\.label)),
            .text(.subject),
            .text(.outcome),
        ], purpose: .logActivity(record))
    }

    static func reschedule(_ ids: [Int64], subject: String?) -> FormState {
        let title = ids.count == 1 ? "Reschedule: \(subject ?? "follow-up")" : "Reschedule \(ids.count) marked follow-ups"
        return FormState(title: title, fields: [.text(.newTime), .text(.reason)], purpose: .rescheduleFollowUp(ids))
    }

    /// `m`: the stage picker starts at the lead's own stage, and says whose lead and where it is now.
    static func moveLead(_ ids: [Int64], name: String?, current: StageKey?, to target: StageKey? = nil, session: DeskSession) -> FormState {
        let keys = session.pipeline.allKeys
        let selected = (target ?? current).flatMap { keys.firstIndex(of: $0) } ?? 0
        let title: String
        if ids.count == 1, let name {
            title = "Move \(name)" + (current.map { " (now \(session.pipeline.name(of: $0)))" } ?? "")
        } else {
            title = "Move \(ids.count) marked leads"
        }
        return FormState(title: title, fields: [.choice(.stage, stageNames(session), selected: selected)] + lossFields(),
                         purpose: .moveLead(ids))
    }

    /// `a` on leads: a choice of the people who can own a lead (reps and managers), not free text.
    static func assignLeads(_ ids: [Int64], name: String?, session: DeskSession) -> FormState {
        let owners = session.people.filter { $0.isActive && ($0.role == .rep || $0.role == .manager) }
        let title = ids.count == 1 ? "Assign \(name ?? "lead") to" : "Assign \(ids.count) marked leads to"
        return FormState(title: title, fields: [.choice(.owner, owners.map(personLabel))], purpose: .assignLeads(ids))
    }

    /// `a` on a ticket: a choice of support people.
    static func assignTicket(_ ticket: Ticket, session: DeskSession) -> FormState? {
        guard let id = ticket.id else { return nil }
        let agents = session.people.filter { $0.isActive && ($0.role == .support || $0.role == .manager) }
        let current = agents.firstIndex { $0.id == ticket.assigneeID } ?? 0
        return FormState(title: "Assign \(ticket.number) (\(ticket.subject)) to", fields: [.choice(.assignee, agents.map(personLabel), selected: current)],
                         purpose: .assignTicket(id))
    }

    /// `s` on a ticket: the moves its *current* status allows.
    static func ticketStatus(_ ticket: Ticket) -> FormState? {
        guard let id = ticket.id else { return nil }
        let next = TicketFlow.standard.nextStatuses(from: ticket.status)
        guard !next.isEmpty else { return nil }
        return FormState(title: "\(ticket.number) is \(ticket.status.label). Move it to", fields: [
            .choice(.status, next.map(\.label)),
            .choice(.customerConfirmed, ["no", "yes"]),
        ], purpose: .moveTicket(id, from: ticket.status))
    }

    static func reply(_ ticket: Ticket) -> FormState? {
        guard let id = ticket.id else { return nil }
        return FormState(title: "Comment on \(ticket.number) (\(ticket.subject))", fields: [
            .text(.comment), .choice(.visibleTo, ["internal", "customer"]),
        ], purpose: .commentOnTicket(id))
    }

    static func ticketCategory(_ ticket: Ticket) -> FormState? {
        guard let id = ticket.id else { return nil }
        let all = TicketCategory.allCases
        return FormState(title: "Category of \(ticket.number)", fields: [
            .choice(.category, all.map(\.label), selected: all.firstIndex(of: ticket.category) ?? 0),
        ], purpose: .ticketCategory(id))
    }

    /// `/` on the board: whose deals to show.
    static func boardOwner(current: String) -> FormState {
        FormState(title: "Board: whose deals?", fields: [.text(.boardOwner, current)], purpose: .boardOwner)
    }

    /// The `:` line.
    static func commandLine() -> FormState {
        var form = FormState(title: "Command", fields: [.text(.command)], purpose: .commandLine)
        form.note = "Tab completes and cycles; Enter runs; Esc closes"
        return form
    }

    /// `Ana Silva (ana)`: how pickers name a person.
    static func personLabel(_ user: User) -> String { "\(user.name) (\(user.handle))" }

    /// The handle inside a ``personLabel(_:)``.
    static func handle(inPersonLabel label: String) -> String {
        guard let open = label.lastIndex(of: "("), label.hasSuffix(")") else { return label }
        return String(label[label.index(after: open)..<label.index(before: label.endIndex)])
    }

    static func stageNames(_ session: DeskSession) -> [String] {
        session.pipeline.allKeys.map(session.pipeline.name(of:))
    }

    private static func lossFields() -> [FormState.Field] {
        [.choice(.lossReason, [noReason] + LossReason.choices.map(\.label)), .text(.lossNote)]
    }

    /// The loss reason chosen in a form, nil when none.
    static func lossReason(in form: FormState) throws(DomainError) -> LossReason? {
        let label = form.value(.lossReason)
        guard !label.isEmpty, label != noReason else { return nil }
        return try LossReason.parse(label, note: form.value(.lossNote))
    }
}
