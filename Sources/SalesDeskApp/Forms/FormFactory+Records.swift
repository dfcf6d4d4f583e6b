import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Forms that create or edit records: a lead, a ticket, a follow-up; the import and merge dialogs.
extension FormFactory {
    /// `+` on Leads: a new lead owned by the user.
    static func newLead() -> FormState {
        let sources = LeadSource.allCases
        return FormState(title: "New lead", fields: [
            .text(.contactName), .text(.email), .text(.phone), .text(.company), .text(.dealTitle), .text(.value),
            .choice(.source, sources.map(\.label), selected: sources.firstIndex(of: .manual) ?? 0),
            .text(.tags),
        ], purpose: .newLead)
    }

    /// `e` on a lead: its deal fields, pre-filled.
    static func editLead(_ lead: Lead, name: String) -> FormState? {
        guard let id = lead.id else { return nil }
        return FormState(title: "Edit \(name)'s deal", fields: [
            .text(.dealTitle, lead.title),
            .text(.value, lead.value.minorUnits == 0 ? "" : lead.value.formattedAmount.replacingOccurrences(of: ",", with: "")),
            .text(.tags, lead.tags.joined(separator: ", ")),
            .text(.partner, lead.partner ?? ""),
        ], purpose: .editLead(id))
    }

    /// `+` on Tickets: a new ticket, routed to a team by its category.
    static func newTicket() -> FormState {
        FormState(title: "New ticket", fields: [
            .text(.subject), .text(.description),
            .choice(.priority, TicketPriority.allCases.map(\.label)),
            .choice(.category, TicketCategory.allCases.map(\.label)),
        ], purpose: .newTicket)
    }

    /// `f`: a follow-up on the selected record (or on none).
    static func newFollowUp(on record: RecordReference?, name: String?) -> FormState {
        FormState(title: "New follow-up" + (name.map { " with \($0)" } ?? ""), fields: [
            .choice(.activityType, ActivityType.allCases.map(\.label)),
            .text(.subject), .text(.due), .text(.notes),
        ], purpose: .newFollowUp(record))
    }

    /// `I` on Leads: a file to import; Enter shows its mapping and first rows before anything is written.
    static func importFile() -> FormState {
        FormState(title: "Import leads", fields: [
            .text(.file),
            .choice(.duplicates, DuplicatePolicy.allCases.map(\.rawValue)),
            .choice(.dryRun, ["no", "yes"]),
        ], purpose: .importFile)
    }

    /// `M` on a lead: merge another lead's contact into this lead's.
    static func mergeContact(into lead: Int64, name: String) -> FormState {
        FormState(title: "Merge a duplicate contact into \(name)", fields: [.text(.duplicateLead)], purpose: .mergeContact(lead))
    }

    /// The typed values of a lead form.
    static func leadInput(_ form: FormState) -> LeadInput {
        var input = LeadInput()
        input.name = form.value(.contactName)
        input.email = form.value(.email)
        input.phone = form.value(.phone)
        input.company = form.value(.company)
        input.dealTitle = form.value(.dealTitle)
        input.value = form.value(.value)
        input.source = LeadSource.allCases.first { $0.label == form.value(.source) } ?? .manual
        input.tags = form.value(.tags)
        input.partner = form.value(.partner)
        return input
    }

    /// The typed values of the ticket form.
    static func ticketInput(_ form: FormState) -> TicketInput {
        var input = TicketInput()
        input.subject = form.value(.subject)
        input.description = form.value(.description)
        input.priority = TicketPriority.allCases.first { $0.label == form.value(.priority) } ?? .normal
        input.category = category(form)
        return input
    }

    /// The category chosen in a form.
    static func category(_ form: FormState) -> TicketCategory {
        TicketCategory.allCases.first { $0.label == form.value(.category) } ?? .general
    }

    /// The activity type chosen in field `id`.
    static func activityType(_ form: FormState, _ id: FormField = .activityType) -> ActivityType? {
        ActivityType.allCases.first { $0.label == form.value(id) }
    }

    /// The typed values of the follow-up form.
    static func followUpInput(_ form: FormState, record: RecordReference?) -> FollowUpInput {
        var input = FollowUpInput(record: record)
        input.type = activityType(form) ?? .call
        input.subject = form.value(.subject)
        input.due = form.value(.due)
        input.notes = form.value(.notes)
        return input
    }
}
