import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Enter in a form: what its fields mean, as effects. A write keeps its form open until the runtime reports
/// the result, so a refusal is shown inside it with the user's text kept.
enum FormSubmit {
    static func submit(_ form: FormState, _ state: inout AppState) -> [Effect] {
        do {
            return try effects(of: form, &state)
        } catch {
            var form = form
            form.error = error.description
            state.modal = .form(form)
            return [.bell]
        }
    }

    private static func effects(of form: FormState, _ state: inout AppState) throws(DomainError) -> [Effect] {
        let pipeline = state.session.pipeline
        func write(_ change: DeskWrite) -> [Effect] {
            var pending = form
            pending.error = nil
            state.modal = .form(pending)
            return [.write(change)]
        }
        switch form.purpose {
        case .completeFollowUp(let id, let onLead):
            let stageName = form.value(.moveTo)
            let stage = !onLead || stageName == FormFactory.noChange ? nil : try pipeline.stage(named: stageName)
            return write(.completeFollowUp(id, outcome: form.value(.outcome), next: nextFollowUp(form), stage: stage,
                                           lossReason: try FormFactory.lossReason(in: form)))
        case .logActivity(let record):
            guard let type = FormFactory.activityType(form) else { throw DomainError.invalidField(field: "Type", reason: "pick a type") }
            return write(.logActivity(record, type: type, subject: form.optionalValue(.subject) ?? type.label, outcome: form.value(.outcome)))
        case .rescheduleFollowUp(let ids):
            return write(.rescheduleFollowUps(ids, to: form.value(.newTime), reason: form.value(.reason)))
        case .moveLead(let ids):
            let stage = try pipeline.stage(named: form.value(.stage))
            return write(.moveLeads(ids, to: stage, lossReason: try FormFactory.lossReason(in: form)))
        case .assignLeads(let ids):
            guard let label = form.optionalValue(.owner) else { throw DomainError.invalidField(field: "New owner", reason: "no rep or manager to assign to") }
            return write(.assignLeads(ids, toHandle: FormFactory.handle(inPersonLabel: label)))
        case .assignTicket(let id):
            guard let label = form.optionalValue(.assignee) else { throw DomainError.invalidField(field: "Assignee", reason: "no support user to assign to") }
            return write(.assignTicket(id, toHandle: FormFactory.handle(inPersonLabel: label)))
        case .moveTicket(let id, _):
            guard let status = TicketStatus.parse(form.value(.status)) else { throw DomainError.invalidField(field: "Status", reason: "pick a status") }
            return write(.moveTicket(id, to: status, customerConfirmed: form.value(.customerConfirmed) == "yes"))
        case .commentOnTicket(let id):
            return write(.commentOnTicket(id, body: form.value(.comment), toCustomer: form.value(.visibleTo) == "customer"))
        case .newLead:
            return write(.createLead(FormFactory.leadInput(form)))
        case .editLead(let id):
            return write(.editLead(id, FormFactory.leadInput(form)))
        case .newTicket:
            return write(.createTicket(FormFactory.ticketInput(form)))
        case .newFollowUp(let record):
            return write(.scheduleFollowUp(FormFactory.followUpInput(form, record: record)))
        case .ticketCategory(let id):
            return write(.setTicketCategory(id, FormFactory.category(form)))
        case .importFile:
            guard let file = form.optionalValue(.file) else { throw DomainError.invalidField(field: "File", reason: "give the path of a .csv or .xlsx file") }
            let path = (file as NSString).expandingTildeInPath
            let policy = DuplicatePolicy(rawValue: form.value(.duplicates)) ?? .skip
            return [.previewImport(path: path, onDuplicate: policy, dryRun: form.value(.dryRun) == "yes")]
        case .mergeContact(let keep):
            let text = form.value(.duplicateLead).trimmingCharacters(in: CharacterSet(charactersIn: "# ").union(.whitespaces))
            guard let other = Int64(text) else {
                throw DomainError.invalidField(field: "lead", reason: "give the number of the lead whose contact is the duplicate, e.g. 1042")
            }
            return write(.mergeContacts(keepingLead: keep, duplicateLead: other))
        case .boardOwner:
            state.modal = nil
            let name = form.value(.boardOwner).trimmingCharacters(in: .whitespaces)
            return DeskUpdate.withScreen(BoardScreen.id, &state) { screen, context in
                guard var board = screen as? BoardScreen else { return [] }
                let effects = board.showOwner(name, &context)
                screen = board
                return effects
            }
        case .commandLine:
            state.modal = nil
            return try DeskUpdate.run(commandLine: form.value(.command), &state)
        }
    }

    /// The follow-up to schedule after completing one, from the form's next-follow-up fields; nil for none.
    private static func nextFollowUp(_ form: FormState) -> NextFollowUp? {
        guard let type = FormFactory.activityType(form, .nextType), let due = form.optionalValue(.nextDue) else { return nil }
        return NextFollowUp(type: type, subject: form.optionalValue(.nextSubject) ?? type.label, due: due)
    }
}
