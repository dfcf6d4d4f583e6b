import Foundation
import SalesDeskDomain
import SalesDeskStore

/// The writes that create or edit records from the desk's forms.
extension WriteRunner {
    func createLead(_ input: LeadInput, session: DeskSession) throws -> String {
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty || !input.email.isEmpty || !input.phone.isEmpty else {
            throw DomainError.invalidField(field: "Contact name", reason: "give at least a name, an email or a phone")
        }
        let lead = try database.createLead(NewLead(
            contactName: name.isEmpty ? (input.email.isEmpty ? input.phone : input.email) : name,
            email: optional(input.email), phone: optional(input.phone), company: optional(input.company),
            dealTitle: optional(input.dealTitle), source: input.source, partner: optional(input.partner),
            ownerID: session.user.id ?? 0, value: try money(input.value), tags: tags(input.tags)), by: session.user)
        return "Created lead #\(lead.id ?? 0) (\(session.pipeline.name(of: lead.stage)))."
    }

    func editLead(_ id: Int64, _ input: LeadInput, session: DeskSession) throws -> String {
        guard let lead = try database.lead(id) else { throw DomainError.notFound("Lead #\(id)") }
        let partner = optional(input.partner)
        let changes = LeadChanges(
            title: optional(input.dealTitle),
            value: try money(input.value, currency: lead.value.currency) ?? Money(minorUnits: 0, currency: lead.value.currency),
            tags: tags(input.tags), partner: partner ?? (lead.partner == nil ? nil : ""))
        try database.updateLead(id, changes, by: session.user)
        return "Saved lead #\(id)."
    }

    func toggleOnHold(_ id: Int64, session: DeskSession) throws -> String {
        guard let lead = try database.lead(id) else { throw DomainError.notFound("Lead #\(id)") }
        try database.setLeadOnHold(id, !lead.isOnHold, by: session.user)
        return lead.isOnHold ? "Lead #\(id) resumed." : "Lead #\(id) is on hold."
    }

    func createTicket(_ input: TicketInput, session: DeskSession) throws -> String {
        let ticket = try database.createTicket(NewTicket(subject: input.subject, description: input.description,
                                                         priority: input.priority, category: input.category), by: session.user)
        return "Opened \(ticket.number) for \(input.category.label)."
    }

    func setTicketCategory(_ id: Int64, _ category: TicketCategory, session: DeskSession) throws -> String {
        try database.setTicketCategory(id, category, by: session.user)
        return "\(Ticket.number(for: id)) is now \(category.label)."
    }

    func scheduleFollowUp(_ input: FollowUpInput, session: DeskSession) throws -> String {
        guard !input.due.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.invalidField(field: "Due", reason: "say when, e.g. tomorrow 9:00 or +2h")
        }
        let zone = session.zone
        let due = try TimeExpression.parse(input.due, now: session.now, timeZone: zone)
        let subject = input.subject.trimmingCharacters(in: .whitespaces)
        let activity = try database.scheduleFollowUp(NewFollowUp(
            type: input.type, subject: subject.isEmpty ? input.type.label : subject, notes: input.notes, dueAt: due,
            record: input.record), by: session.user)
        return "Scheduled \(input.type.label.lowercased()) #\(activity.id ?? 0) for \(Format.time(due, zone: session.user.timeZoneID))."
    }

    func mergeContacts(keepingLead keep: Int64, duplicateLead duplicate: Int64, session: DeskSession) throws -> String {
        guard let kept = try database.lead(keep), let other = try database.lead(duplicate) else {
            throw DomainError.notFound("Lead #\(duplicate)")
        }
        guard kept.contactID != other.contactID else {
            throw DomainError.invalidField(field: "lead", reason: "lead #\(duplicate) already has this contact")
        }
        try database.mergeContacts(keep: kept.contactID, duplicate: other.contactID, by: session.user)
        return "Merged lead #\(duplicate)'s contact into lead #\(keep)'s; its leads and tickets moved over."
    }

    private func money(_ text: String, currency: CurrencyCode? = nil) throws(DomainError) -> Money? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : try Money.parse(trimmed, currency: currency ?? database.configuration.defaultCurrency)
    }

    private func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private func tags(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
