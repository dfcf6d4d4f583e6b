import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// The desk's update function: a message changes the state and may ask for effects.
///
/// Pure: it reads and writes only `state`; the runtime performs the returned effects.
public enum DeskUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .tick(let date):
            state.now = date
            return []
        case .mouse(let event):
            guard state.modal == nil else { return [] }
            switch event.button {
            case .wheelUp: return move(&state, by: -3)
            case .wheelDown: return move(&state, by: 3)
            case .left:
                let bar = Rect(x: 0, y: 0, width: state.width, height: 1)
                guard event.y == 0, let tab = TabBar.index(at: event.x, DeskView.tabTitles(state), in: bar) else { return [] }
                return show(Screen.main[tab], &state)
            }
        case .key(let key):
            if state.modal != nil { return ModalUpdate.handle(&state, key) }
            guard let command = KeyMap.command(for: key, on: state.screen) else { return [] }
            return perform(command.name, &state)
        }
    }

    /// Runs a named command (from a key or the `:` line).
    public static func perform(_ name: String, _ state: inout AppState) -> [Effect] {
        let screen = state.screen
        let count = state.rowCount(screen)
        let page = max(1, (state.height - 6) / 2)
        switch name {
        case "down": return move(&state, by: 1)
        case "up": return move(&state, by: -1)
        case "page-down": return move(&state, by: page)
        case "page-up": return move(&state, by: -page)
        case "top", "bottom":
            if screen == .board { state.boardCard = name == "top" ? 0 : max(0, count - 1); return [] }
            var cursor = state.cursor(screen)
            cursor.jump(toEnd: name == "bottom", count: count)
            state.cursors[screen] = cursor
            return name == "bottom" ? [.loadMore(screen)] : []
        case "agenda", "leads", "tickets", "followups", "board", "inbox":
            let index = ["agenda", "leads", "tickets", "followups", "board", "inbox"].firstIndex(of: name)!
            return show(Screen.main[index], &state)
        case "next-screen", "previous-screen":
            let current = Screen.main.firstIndex(of: screen) ?? 0
            let step = name == "next-screen" ? 1 : Screen.main.count - 1
            return show(Screen.main[(current + step) % Screen.main.count], &state)
        case "back":
            guard let previous = state.history.popLast() else {
                state.status = .init(text: "Press :q or Ctrl-c to quit.", isError: false)
                return []
            }
            state.screen = previous
            return [.load(previous)]
        case "open": return open(&state)
        case "next-queue", "previous-queue": return switchQueue(&state, forward: name == "next-queue")
        case "complete": return FormFactory.complete(&state)
        case "reschedule": return FormFactory.reschedule(&state)
        case "snooze":
            if screen == .notifications {
                let index = state.cursor(screen).selected
                guard state.inbox.indices.contains(index), let id = state.inbox[index].id else { return [] }
                return [.write(.snoozeNotification(id))]
            }
            guard let activity = state.selectedActivity, let id = activity.id else { return [] }
            return [.write(.snoozeFollowUp(id))]
        case "move": return FormFactory.moveLead(&state, to: nil)
        case "assign": return FormFactory.assign(&state)
        case "new": return screen == .tickets ? FormFactory.newTicket(&state) : FormFactory.newLead(&state)
        case "new-follow-up": return FormFactory.newFollowUp(&state)
        case "import": return FormFactory.importFile(&state)
        case "merge-contact": return FormFactory.mergeContact(&state)
        case "edit": return FormFactory.editLead(&state)
        case "category": return FormFactory.ticketCategory(&state)
        case "hold":
            guard let id = state.selectedLeadID else { return [.bell] }
            return [.write(.toggleOnHold(id))]
        case "mark":
            guard let id = screen == .followUps ? state.selectedActivity?.id : state.selectedLeadID else { return [] }
            var cursor = state.cursor(screen)
            if cursor.marked.contains(id) { cursor.marked.remove(id) } else { cursor.marked.insert(id) }
            cursor.move(by: 1, count: count)
            state.cursors[screen] = cursor
            return []
        case "sort":
            let all = LeadQuery.Sort.allCases
            state.leadSort = all[((all.firstIndex(of: state.leadSort) ?? 0) + 1) % all.count]
            state.status = .init(text: "Sorted by \(SortLabel.of(state.leadSort)).", isError: false)
            state.cursors[.leads] = ListCursor()
            return [.load(.leads)]
        case "column-left", "column-right":
            guard !state.board.isEmpty else { return [] }
            state.boardColumn = max(0, min(state.board.count - 1, state.boardColumn + (name == "column-right" ? 1 : -1)))
            state.boardCard = 0
            return []
        case "card-left", "card-right": return moveCard(&state, forward: name == "card-right")
        case "only-mine":
            state.boardScope = state.boardScope.next
            return [.load(.board)]
        case "priority":
            guard let id = state.selectedTicketID else { return [] }
            return [.write(.cycleTicketPriority(id))]
        case "status": return FormFactory.ticketStatus(&state)
        case "reply": return FormFactory.reply(&state)
        case "type":
            let types: [ActivityType?] = [nil] + ActivityType.allCases.map { $0 }
            let index = types.firstIndex(of: state.followUpType) ?? 0
            state.followUpType = types[(index + 1) % types.count]
            state.cursors[.followUps] = ListCursor()
            return [.load(.followUps)]
        case "due-range":
            let all = FollowUpRange.allCases
            state.followUpRange = all[(state.followUpRange.rawValue + 1) % all.count]
            state.cursors[.followUps] = ListCursor()
            return [.load(.followUps)]
        case "acknowledge":
            let index = state.cursor(.notifications).selected
            guard state.inbox.indices.contains(index), let id = state.inbox[index].id else { return [] }
            return [.write(.acknowledgeNotification(id))]
        case "filter": return screen == .board ? FormFactory.boardFilter(&state) : FormFactory.filter(&state)
        case "next-match", "previous-match": return nextMatch(&state, forward: name == "next-match")
        case "help":
            state.modal = .help(TextField())
            return []
        case "command":
            state.modal = .form(FormState(title: "Command", fields: [.init(label: ":", kind: .text(TextField()))], purpose: .commandLine))
            return []
        case "quit":
            state.isRunning = false
            return []
        default:
            state.status = .init(text: "Unknown command '\(name)'. Press ? for help.", isError: true)
            return [.bell]
        }
    }

    static func show(_ screen: Screen, _ state: inout AppState) -> [Effect] {
        state.history.removeAll()
        state.screen = screen
        return [.load(screen)]
    }

    private static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        let screen = state.screen
        let count = state.rowCount(screen)
        if screen == .board {
            state.boardCard = max(0, min(max(0, count - 1), state.boardCard + delta))
            return state.boardCard >= count - 3 ? [.loadMore(.board)] : []
        }
        var cursor = state.cursor(screen)
        cursor.move(by: delta, count: count)
        state.cursors[screen] = cursor
        return cursor.selected >= count - 5 ? [.loadMore(screen)] : []
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        let target: Screen?
        switch state.screen {
        case .tickets: target = state.selectedTicketID.map(Screen.ticketDetail)
        case .notifications:
            let index = state.cursor(.notifications).selected
            guard state.inbox.indices.contains(index) else { return [] }
            switch state.inbox[index].record {
            case .lead(let id): target = .leadDetail(id)
            case .ticket(let id): target = .ticketDetail(id)
            default: target = nil
            }
        case .agenda, .followUps:
            if let ticketID = state.selectedTicketID {
                target = .ticketDetail(ticketID)
            } else if case .ticket(let id) = state.selectedActivity?.record {
                target = .ticketDetail(id)
            } else {
                target = state.selectedLeadID.map(Screen.leadDetail) ?? {
                    if case .lead(let id) = state.selectedActivity?.record { return .leadDetail(id) }
                    return nil
                }()
            }
        default: target = state.selectedLeadID.map(Screen.leadDetail)
        }
        guard let target else { return [] }
        state.history.append(state.screen)
        state.screen = target
        state.cursors[target] = ListCursor()
        return [.load(target)]
    }

    private static func switchQueue(_ state: inout AppState, forward: Bool) -> [Effect] {
        let step = forward ? 1 : -1
        if state.screen == .leads {
            let all = LeadQueue.allCases
            state.leadQueue = all[(state.leadQueue.rawValue + step + all.count) % all.count]
        } else {
            let all = TicketQueue.allCases
            state.ticketQueue = all[(state.ticketQueue.rawValue + step + all.count) % all.count]
        }
        state.cursors[state.screen] = ListCursor()
        return [.load(state.screen)]
    }

    private static func moveCard(_ state: inout AppState, forward: Bool) -> [Effect] {
        guard let id = state.selectedLeadID, state.board.indices.contains(state.boardColumn) else { return [] }
        let keys = state.pipeline.allKeys
        let current = state.board[state.boardColumn].stage
        guard let index = keys.firstIndex(of: current) else { return [] }
        let targetIndex = index + (forward ? 1 : -1)
        guard keys.indices.contains(targetIndex) else { return [.bell] }
        let target = keys[targetIndex]
        if target == .lost { return FormFactory.moveLead(&state, to: .lost) }
        return [.write(.moveLeads([id], to: target, lossReason: nil))]
    }

    private static func nextMatch(_ state: inout AppState, forward: Bool) -> [Effect] {
        let words = (try? QueueFilter.parse(state.leadFilterText))?.words.joined(separator: " ") ?? ""
        guard !words.isEmpty, !state.leadRows.isEmpty else { return [.bell] }
        var cursor = state.cursor(.leads)
        let count = state.leadRows.count
        for step in 1...count {
            let index = (cursor.selected + (forward ? step : count - step)) % count
            let row = state.leadRows[index]
            if row.contactName.localizedCaseInsensitiveContains(words) || (row.company ?? "").localizedCaseInsensitiveContains(words) {
                cursor.selected = index
                state.cursors[.leads] = cursor
                return []
            }
        }
        return [.bell]
    }
}

/// Names of lead sort orders for the status line.
enum SortLabel {
    static func of(_ sort: LeadQuery.Sort) -> String {
        switch sort {
        case .staleness: "days in stage"
        case .valueDescending: "value"
        case .scoreDescending: "score"
        case .newest: "newest"
        case .name: "name"
        }
    }
}
