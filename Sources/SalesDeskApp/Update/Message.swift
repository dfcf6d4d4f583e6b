import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// What can happen to the desk.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// The clock ticked (the runtime also checks for database changes then).
    case tick(Date)
}

/// A side effect `update` asks the runtime to perform; results come back as state changes.
public enum Effect: Sendable, Equatable {
    /// Re-read the data of a screen (keeping the selection on the same record).
    case load(Screen)
    /// Read the next page of a list screen.
    case loadMore(Screen)
    /// Change the database.
    case write(DeskWrite)
    /// Edit the focused text field of the open form in `$VISUAL` / `$EDITOR`.
    case editInEditor
    /// Read a file's header and first rows for the import preview.
    case previewImport(path: String, onDuplicate: DuplicatePolicy, dryRun: Bool)
    /// Run the previewed import, drawing its progress.
    case runImport
    /// Switch the colour theme.
    case setTheme(String)
    case bell
}

/// A change the user asked for, carried out by the runtime through the store's named writes.
public enum DeskWrite: Sendable, Equatable {
    case completeFollowUp(Int64, outcome: String, next: String?, stage: StageKey?, lossReason: LossReason?)
    case rescheduleFollowUps([Int64], to: String, reason: String)
    case snoozeFollowUp(Int64)
    case moveLeads([Int64], to: StageKey, lossReason: LossReason?)
    case assignLeads([Int64], toHandle: String)
    case assignTicket(Int64, toHandle: String)
    case moveTicket(Int64, to: TicketStatus, customerConfirmed: Bool)
    case cycleTicketPriority(Int64)
    case commentOnTicket(Int64, body: String, toCustomer: Bool)
    case acknowledgeNotification(Int64)
    case snoozeNotification(Int64)
    case createLead(LeadInput)
    case editLead(Int64, LeadInput)
    case toggleOnHold(Int64)
    case createTicket(TicketInput)
    case setTicketCategory(Int64, TicketCategory)
    case scheduleFollowUp(FollowUpInput)
    /// Keep the first lead's contact; the second lead's contact is merged into it.
    case mergeContacts(keepingLead: Int64, duplicateLead: Int64)
}
