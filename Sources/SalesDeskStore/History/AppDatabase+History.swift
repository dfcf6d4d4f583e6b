import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// A lead's stage history, oldest first.
    public func stageHistory(ofLead leadID: Int64) throws -> [StageChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT lead_id, from_stage, to_stage, at, user_id FROM lead_stage_change WHERE lead_id = ? ORDER BY at, id
                """, arguments: [leadID]).map(StageChange.init(row:))
        }
    }

    /// A ticket's status history, oldest first.
    public func statusHistory(ofTicket ticketID: Int64) throws -> [StatusChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ticket_id, from_status, to_status, at, user_id FROM ticket_status_change WHERE ticket_id = ? ORDER BY at, id
                """, arguments: [ticketID]).map(StatusChange.init(row:))
        }
    }
}

extension StageChange {
    init(row: Row) {
        self.init(leadID: row["lead_id"], from: (row["from_stage"] as String?).map(StageKey.init(rawValue:)),
                  to: StageKey(rawValue: row["to_stage"]), at: Date(epochSeconds: row["at"]), userID: row["user_id"])
    }
}

extension StatusChange {
    init(row: Row) {
        self.init(ticketID: row["ticket_id"], from: (row["from_status"] as String?).flatMap(TicketStatus.init(rawValue:)),
                  to: TicketStatus(rawValue: row["to_status"]) ?? .new, at: Date(epochSeconds: row["at"]), userID: row["user_id"])
    }
}
