import Foundation
import GRDB
import SalesDeskDomain

/// Appends to the stage and status history inside the transaction of the write that changed the record.
///
/// Every path that creates a lead or changes its stage calls ``leadStage(_:lead:from:to:at:by:)``
/// (`createLead`, `moveLead`, imports, the demo generator); tickets likewise through ``ticketStatus(_:ticket:from:to:at:by:)``.
enum History {
    /// Records that `lead` entered `to` (from `from`; nil when the lead was created in it).
    static func leadStage(_ db: Database, lead: Int64, from: StageKey?, to: StageKey, at: Date, by userID: Int64?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [lead, from?.rawValue, to.rawValue, at.epochSeconds, userID])
    }

    /// Records that `ticket` entered `to` (from `from`; nil when the ticket was created in it).
    static func ticketStatus(_ db: Database, ticket: Int64, from: TicketStatus?, to: TicketStatus, at: Date, by userID: Int64?) throws {
        guard from != to else { return }
        try db.cachedStatement(sql: """
            INSERT INTO ticket_status_change (ticket_id, from_status, to_status, at, user_id) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [ticket, from?.rawValue, to.rawValue, at.epochSeconds, userID])
    }
}
