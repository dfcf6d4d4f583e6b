import SalesDeskDomain
import TerminalUI

/// Opens the desk's forms, pre-filled from the selection.
enum FormFactory {
    static let noChange = "(no change)"
    static let noReason = "(none)"

    static func complete(_ state: inout AppState) -> [Effect] {
        guard let activity = state.selectedActivity, let id = activity.id, activity.state == .planned else { return [.bell] }
        var fields: [FormState.Field] = [
            .init(label: "Outcome", kind: .text(TextField())),
            .init(label: "Next follow-up (e.g. +2d, tomorrow 10:00; blank: none)", kind: .text(TextField())),
        ]
        if case .lead = activity.record {
            fields.append(.init(label: "Move lead to", kind: .choice([noChange] + state.pipeline.allKeys.map(state.pipeline.name(of:)), selected: 0)))
            fields += lossFields()
        }
        state.modal = .form(FormState(title: "Complete: \(activity.subject)", fields: fields, purpose: .completeFollowUp(id)))
        return []
    }

    static func reschedule(_ state: inout AppState) -> [Effect] {
        let marked = state.screen == .followUps ? state.cursor(.followUps).marked.sorted() : []
        if !marked.isEmpty {
            state.modal = .form(FormState(title: "Reschedule \(marked.count) marked follow-ups", fields: rescheduleFields(), purpose: .rescheduleFollowUp(marked)))
            return []
        }
        guard let activity = state.selectedActivity, let id = activity.id, activity.state == .planned else { return [.bell] }
        state.modal = .form(FormState(title: "Reschedule: \(activity.subject)", fields: rescheduleFields(), purpose: .rescheduleFollowUp([id])))
        return []
    }

    private static func rescheduleFields() -> [FormState.Field] {
        [
            .init(label: "New time (e.g. tomorrow 9:00, +3h)", kind: .text(TextField())),
            .init(label: "Reason", kind: .text(TextField())),
        ]
    }

    static func moveLead(_ state: inout AppState, to stage: StageKey?) -> [Effect] {
        let marked = state.screen == .leads ? Array(state.cursor(.leads).marked) : []
        let ids = marked.isEmpty ? state.selectedLeadID.map { [$0] } ?? [] : marked.sorted()
        guard !ids.isEmpty else { return [.bell] }
        let names = state.pipeline.allKeys.map(state.pipeline.name(of:))
        let selected = stage.flatMap { state.pipeline.allKeys.firstIndex(of: $0) } ?? 0
        let title = ids.count == 1 ? "Move lead #\(ids[0])" : "Move \(ids.count) marked leads"
        state.modal = .form(FormState(title: title, fields: [.init(label: "Stage", kind: .choice(names, selected: selected))] + lossFields(),
                                      purpose: .moveLead(ids, to: stage)))
        return []
    }

    static func assign(_ state: inout AppState) -> [Effect] {
        if let ticketID = state.selectedTicketID {
            state.modal = .form(FormState(title: "Assign \(Ticket.number(for: ticketID))", fields: [
                .init(label: "Assignee handle", kind: .text(TextField())),
            ], purpose: .assignTicket(ticketID)))
            return []
        }
        let marked = Array(state.cursor(.leads).marked)
        let ids = state.screen == .leads && !marked.isEmpty ? marked.sorted() : state.selectedLeadID.map { [$0] } ?? []
        guard !ids.isEmpty else { return [.bell] }
        state.modal = .form(FormState(title: ids.count == 1 ? "Assign lead #\(ids[0])" : "Assign \(ids.count) leads", fields: [
            .init(label: "New owner handle", kind: .text(TextField())),
        ], purpose: .assignLeads(ids)))
        return []
    }

    static func ticketStatus(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedTicketID else { return [.bell] }
        let current = state.ticketRows.first { $0.id == id }?.ticket.status ?? state.ticketDetail?.ticket.status ?? .new
        let next = TicketFlow.standard.nextStatuses(from: current)
        guard !next.isEmpty else { return [.bell] }
        state.modal = .form(FormState(title: "\(Ticket.number(for: id)): \(current.label) →", fields: [
            .init(label: "Status", kind: .choice(next.map(\.label), selected: 0)),
            .init(label: "Customer confirmed (needed to close)", kind: .choice(["no", "yes"], selected: 0)),
        ], purpose: .moveTicket(id)))
        return []
    }

    static func reply(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedTicketID else { return [.bell] }
        state.modal = .form(FormState(title: "Comment on \(Ticket.number(for: id))", fields: [
            .init(label: "Comment", kind: .text(TextField())),
            .init(label: "Visible to", kind: .choice(["internal", "customer"], selected: 0)),
        ], purpose: .commentOnTicket(id)))
        return []
    }

    static func filter(_ state: inout AppState) -> [Effect] {
        state.modal = .form(FormState(title: "Filter leads (words, stage:…, owner:…, score:…)", fields: [
            .init(label: "/", kind: .text(TextField(state.leadFilterText))),
        ], purpose: .filter(.leads)))
        return []
    }

    /// `/` on the board: whose deals to show.
    static func boardFilter(_ state: inout AppState) -> [Effect] {
        let current: String = if case .named(let name) = state.boardScope { name } else { "" }
        state.modal = .form(FormState(title: "Board: whose deals?", fields: [
            .init(label: boardOwnerLabel, kind: .text(TextField(current))),
        ], purpose: .filter(.board)))
        return []
    }

    static let boardOwnerLabel = "Owner handle or team name (blank: everyone)"

    private static func lossFields() -> [FormState.Field] {
        [
            .init(label: "Loss reason (for Lost)", kind: .choice([noReason] + LossReason.choices.map(\.label), selected: 0)),
            .init(label: "Loss note (for Other)", kind: .text(TextField())),
        ]
    }

    /// The loss reason chosen in a form, nil when none.
    static func lossReason(in form: FormState) throws(DomainError) -> LossReason? {
        let label = form.value("Loss reason (for Lost)")
        guard !label.isEmpty, label != noReason else { return nil }
        return try LossReason.parse(label, note: form.value("Loss note (for Other)"))
    }
}
