import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Keys while a form, the help screen or the quit question is open.
enum ModalUpdate {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.modal {
        case .importPreview(let preview):
            if preview.progress != nil { return [] }
            if key == .enter { return [.runImport] }
            if key == .escape || key == .ctrl("c") { state.modal = nil }
            return []
        case .confirmQuit:
            if key == .character("y") { state.isRunning = false }
            state.modal = nil
            return []
        case .help(var filter):
            switch key {
            case .escape, .enter: state.modal = nil
            case .character("?") where filter.text.isEmpty: state.modal = nil
            default:
                filter.handle(key)
                state.modal = .help(filter)
            }
            return []
        case .form(var form):
            if key == .ctrl("c") {
                if form.hasInput { state.modal = .confirmQuit } else { state.isRunning = false }
                return []
            }
            if key == .escape {
                state.modal = nil
                if case .filter(.leads) = form.purpose { return [.load(.leads)] }
                return []
            }
            if case .commandLine = form.purpose, key == .tab {
                let typed = form.value(":")
                if let completion = KeyMap.completions(for: typed).first {
                    form.fields[0].kind = .text(TextField(completion))
                    state.modal = .form(form)
                }
                return []
            }
            if key == .enter { return submit(&state, form) }
            if key == .ctrl("o"), case .text = form.fields[form.focus].kind { return [.editInEditor] }
            _ = form.handle(key)
            state.modal = .form(form)
            if case .filter(.leads) = form.purpose {
                // Search as you type: every keystroke re-runs the query (it is index-backed and paged).
                state.leadFilterText = form.value("/")
                state.cursors[.leads] = ListCursor()
                return [.load(.leads)]
            }
            return []
        case nil:
            return []
        }
    }

    private static func submit(_ state: inout AppState, _ form: FormState) -> [Effect] {
        state.modal = nil
        do {
            let outcome = try outcome(of: form, state: &state)
            // A write keeps its form open until the runtime reports success, so a refusal can be shown in it.
            if outcome.keepOpen { state.modal = .form(form) }
            return outcome.effects
        } catch {
            var form = form
            form.error = error.description
            state.modal = .form(form)
            return [.bell]
        }
    }

    private static func outcome(of form: FormState, state: inout AppState) throws(DomainError) -> (effects: [Effect], keepOpen: Bool) {
        func write(_ change: DeskWrite) -> (effects: [Effect], keepOpen: Bool) { ([.write(change)], true) }
        switch form.purpose {
        case .completeFollowUp(let id):
            let stageName = form.value("Move lead to")
            let stage = stageName.isEmpty || stageName == FormFactory.noChange ? nil : try state.pipeline.stage(named: stageName)
            let next = form.value("Next follow-up (e.g. +2d, tomorrow 10:00; blank: none)")
            return write(.completeFollowUp(id, outcome: form.value("Outcome"), next: next.isEmpty ? nil : next, stage: stage,
                                           lossReason: try FormFactory.lossReason(in: form)))
        case .rescheduleFollowUp(let ids):
            return write(.rescheduleFollowUps(ids, to: form.value("New time (e.g. tomorrow 9:00, +3h)"), reason: form.value("Reason")))
        case .moveLead(let ids, _):
            let stage = try state.pipeline.stage(named: form.value("Stage"))
            return write(.moveLeads(ids, to: stage, lossReason: try FormFactory.lossReason(in: form)))
        case .assignLeads(let ids):
            return write(.assignLeads(ids, toHandle: form.value("New owner handle")))
        case .assignTicket(let id):
            return write(.assignTicket(id, toHandle: form.value("Assignee handle")))
        case .moveTicket(let id):
            guard let status = TicketStatus.parse(form.value("Status")) else { throw DomainError.invalidField(field: "status", reason: "pick a status") }
            return write(.moveTicket(id, to: status, customerConfirmed: form.value("Customer confirmed (needed to close)") == "yes"))
        case .commentOnTicket(let id):
            return write(.commentOnTicket(id, body: form.value("Comment"), toCustomer: form.value("Visible to") == "customer"))
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
            let path = (form.value(FormFactory.ImportLabel.file) as NSString).expandingTildeInPath
            guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { throw DomainError.invalidField(field: "File", reason: "give the path of a .csv or .xlsx file") }
            let policy = DuplicatePolicy(rawValue: form.value(FormFactory.ImportLabel.duplicates)) ?? .skip
            return ([.previewImport(path: path, onDuplicate: policy, dryRun: form.value(FormFactory.ImportLabel.dryRun) == "yes")], true)
        case .mergeContact(let keep):
            guard let other = Int64(form.value(FormFactory.mergeLabel).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
                throw DomainError.invalidField(field: "lead", reason: "give the number of the lead whose contact is the duplicate, e.g. 1042")
            }
            return write(.mergeContacts(keepingLead: keep, duplicateLead: other))
        case .filter(.board):
            let name = form.value(FormFactory.boardOwnerLabel).trimmingCharacters(in: .whitespaces)
            state.boardScope = name.isEmpty ? .everyone : .named(name)
            state.boardColumn = 0
            state.boardCard = 0
            return ([.load(.board)], false)
        case .filter:
            state.leadFilterText = form.value("/")
            return ([.load(.leads)], false)
        case .commandLine:
            return (try runCommandLine(form.value(":"), state: &state), false)
        }
    }

    private static func runCommandLine(_ text: String, state: inout AppState) throws(DomainError) -> [Effect] {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        if name == "theme" {
            guard words.count == 2 else { throw DomainError.invalidField(field: "theme", reason: "usage: theme NAME") }
            return [.setTheme(words[1])]
        }
        guard let command = KeyMap.command(named: name) else {
            throw DomainError.invalidField(field: ":", reason: "unknown command '\(name)'; Tab completes, ? lists them")
        }
        return DeskUpdate.perform(command.name, &state)
    }
}
