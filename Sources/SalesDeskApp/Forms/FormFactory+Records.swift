import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Forms that create or edit records: a lead, a ticket, a follow-up, a ticket's category.
extension FormFactory {
    enum LeadLabel {
        static let name = "Contact name"
        static let email = "Email"
        static let phone = "Phone"
        static let company = "Company"
        static let dealTitle = "Deal name (blank: company deal)"
        static let value = "Value (e.g. 12500.50)"
        static let source = "Source"
        static let tags = "Tags (comma separated)"
        static let partner = "Partner (for referrals)"
    }

    enum TicketLabel {
        static let subject = "Subject"
        static let description = "Description (Ctrl-o: $EDITOR)"
        static let priority = "Priority"
        static let category = "Category"
    }

    enum FollowUpLabel {
        static let type = "Type"
        static let subject = "Subject"
        static let due = "Due (e.g. tomorrow 9:00, +2h, 2026-12-01 14:30)"
        static let notes = "Notes (Ctrl-o: $EDITOR)"
    }

    /// `+` on Leads: a new lead owned by the user.
    static func newLead(_ state: inout AppState) -> [Effect] {
        let sources = LeadSource.allCases
        state.modal = .form(FormState(title: "New lead", fields: [
            text(LeadLabel.name), text(LeadLabel.email), text(LeadLabel.phone), text(LeadLabel.company),
            text(LeadLabel.dealTitle), text(LeadLabel.value),
            .init(label: LeadLabel.source, kind: .choice(sources.map(\.label), selected: sources.firstIndex(of: .manual) ?? 0)),
            text(LeadLabel.tags),
        ], purpose: .newLead))
        return []
    }

    /// `e` on a lead: its deal fields, pre-filled.
    static func editLead(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedLeadID else { return [.bell] }
        let lead = state.leadDetail?.lead.id == id ? state.leadDetail?.lead : state.leadRows.first { $0.id == id }?.lead
        guard let lead else { return [.bell] }
        state.modal = .form(FormState(title: "Edit lead #\(id)", fields: [
            text(LeadLabel.dealTitle, lead.title),
            text(LeadLabel.value, lead.value.minorUnits == 0 ? "" : lead.value.formattedAmount),
            text(LeadLabel.tags, lead.tags.joined(separator: ", ")),
            text(LeadLabel.partner, lead.partner ?? ""),
        ], purpose: .editLead(id)))
        return []
    }

    /// `+` on Tickets: a new ticket, routed to a team by its category.
    static func newTicket(_ state: inout AppState) -> [Effect] {
        state.modal = .form(FormState(title: "New ticket", fields: [
            text(TicketLabel.subject), text(TicketLabel.description),
            .init(label: TicketLabel.priority, kind: .choice(TicketPriority.allCases.map(\.label), selected: 0)),
            .init(label: TicketLabel.category, kind: .choice(TicketCategory.allCases.map(\.label), selected: 0)),
        ], purpose: .newTicket))
        return []
    }

    /// `f` on the agenda, follow-ups or a record: a follow-up on the selected lead or ticket (or on none).
    static func newFollowUp(_ state: inout AppState) -> [Effect] {
        let record: RecordReference? = state.selectedActivity?.record
            ?? state.selectedTicketID.map(RecordReference.ticket) ?? state.selectedLeadID.map(RecordReference.lead)
        let about = record.map { " on \($0)" } ?? ""
        state.modal = .form(FormState(title: "New follow-up\(about)", fields: [
            .init(label: FollowUpLabel.type, kind: .choice(ActivityType.allCases.map(\.label), selected: 0)),
            text(FollowUpLabel.subject), text(FollowUpLabel.due), text(FollowUpLabel.notes),
        ], purpose: .newFollowUp(record)))
        return []
    }

    /// `c` on a ticket: pick its category (which re-routes it).
    static func ticketCategory(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedTicketID else { return [.bell] }
        let current = state.ticketRows.first { $0.id == id }?.ticket.category ?? state.ticketDetail?.ticket.category ?? .general
        let all = TicketCategory.allCases
        state.modal = .form(FormState(title: "Category of \(Ticket.number(for: id))", fields: [
            .init(label: TicketLabel.category, kind: .choice(all.map(\.label), selected: all.firstIndex(of: current) ?? 0)),
        ], purpose: .ticketCategory(id)))
        return []
    }

    /// The typed values of a lead form.
    static func leadInput(_ form: FormState) -> LeadInput {
        var input = LeadInput()
        input.name = form.value(LeadLabel.name)
        input.email = form.value(LeadLabel.email)
        input.phone = form.value(LeadLabel.phone)
        input.company = form.value(LeadLabel.company)
        input.dealTitle = form.value(LeadLabel.dealTitle)
        input.value = form.value(LeadLabel.value)
        input.source = LeadSource.allCases.first { $0.label == form.value(LeadLabel.source) } ?? .manual
        input.tags = form.value(LeadLabel.tags)
        input.partner = form.value(LeadLabel.partner)
        return input
    }

    /// The typed values of the ticket form.
    static func ticketInput(_ form: FormState) -> TicketInput {
        var input = TicketInput()
        input.subject = form.value(TicketLabel.subject)
        input.description = form.value(TicketLabel.description)
        input.priority = TicketPriority.allCases.first { $0.label == form.value(TicketLabel.priority) } ?? .normal
        input.category = category(form)
        return input
    }

    /// The category chosen in a form.
    static func category(_ form: FormState) -> TicketCategory {
        TicketCategory.allCases.first { $0.label == form.value(TicketLabel.category) } ?? .general
    }

    /// The typed values of the follow-up form.
    static func followUpInput(_ form: FormState, record: RecordReference?) -> FollowUpInput {
        var input = FollowUpInput(record: record)
        input.type = ActivityType.allCases.first { $0.label == form.value(FollowUpLabel.type) } ?? .call
        input.subject = form.value(FollowUpLabel.subject)
        input.due = form.value(FollowUpLabel.due)
        input.notes = form.value(FollowUpLabel.notes)
        return input
    }

    private static func text(_ label: String, _ value: String = "") -> FormState.Field {
        .init(label: label, kind: .text(TextField(value)))
    }
}

/// The import and contact-merge forms.
extension FormFactory {
    enum ImportLabel {
        static let file = "File (.csv or .xlsx; ~ works)"
        static let duplicates = "Existing contacts (same email or phone)"
        static let dryRun = "Dry run (check only, write nothing)"
    }

    static let mergeLabel = "Lead # whose contact is the duplicate"

    /// `I` on Leads: a file to import; Enter shows its mapping and first rows before anything is written.
    static func importFile(_ state: inout AppState) -> [Effect] {
        state.modal = .form(FormState(title: "Import leads", fields: [
            .init(label: ImportLabel.file, kind: .text(TextField())),
            .init(label: ImportLabel.duplicates, kind: .choice(DuplicatePolicy.allCases.map(\.rawValue), selected: 0)),
            .init(label: ImportLabel.dryRun, kind: .choice(["no", "yes"], selected: 0)),
        ], purpose: .importFile))
        return []
    }

    /// `M` on a lead: merge another lead's contact into this lead's.
    static func mergeContact(_ state: inout AppState) -> [Effect] {
        guard case .leadDetail(let id) = state.screen else { return [.bell] }
        state.modal = .form(FormState(title: "Merge a duplicate contact into lead #\(id)'s", fields: [
            .init(label: mergeLabel, kind: .text(TextField())),
        ], purpose: .mergeContact(id)))
        return []
    }
}
