import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The tickets with these ids as list rows (account, team and assignee names), in the order given; ids not on
    /// file are left out. A report's ticket drill-down (its SLA breaches) shows them.
    public func ticketRows(ids: [Int64]) throws -> [TicketRow] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT ticket.*, account.name AS account_name, team.name AS team_name, user.handle AS assignee_handle
                FROM ticket
                LEFT JOIN account ON account.id = ticket.account_id
                LEFT JOIN team ON team.id = ticket.team_id
                LEFT JOIN user ON user.id = ticket.assignee_id
                WHERE ticket.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments(ids))
            let byID = try Dictionary(rows.map { row -> (Int64, TicketRow) in
                let ticket = try Ticket(row: row)
                return (ticket.id ?? 0, TicketRow(ticket: ticket, accountName: row["account_name"], teamName: row["team_name"],
                                                  assigneeHandle: row["assignee_handle"]))
            }, uniquingKeysWith: { first, _ in first })
            return ids.compactMap { byID[$0] }
        }
    }
}
