import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Prints one ticket in full, as text or JSON.
struct TicketPrinter {
    let database: AppDatabase
    let json: Bool

    private struct Output: Encodable {
        var ticket: Ticket
        var number: String
        var account: String?
        var team: String?
        var assignee: String?
        var comments: [TicketComment]
        var history: [AuditEntry]
    }

    static func id(_ number: String) throws -> Int64 {
        guard let id = Ticket.id(fromNumber: number) else { throw ValidationError("'\(number)' is not a ticket number like T-000123.") }
        return id
    }

    func show(_ ticketID: Int64) throws {
        let detail = try database.ticketDetail(ticketID)
        let ticket = detail.ticket
        if json {
            return try JSONOutput.print(Output(ticket: ticket, number: ticket.number, account: detail.account?.name, team: detail.teamName,
                                               assignee: detail.assignee?.handle, comments: detail.comments, history: detail.history))
        }
        let time = LocalTime(timeZone: .gmt)
        var lines = [
            "\(ticket.number)  \(ticket.subject)",
            "  status:   \(ticket.status.label) · priority \(ticket.priority.label) · \(ticket.category.label)",
            "  team:     \(detail.teamName ?? "—") · assignee \(detail.assignee?.handle ?? "—")",
            "  account:  \(detail.account?.name ?? "—")",
            "  opened:   \(time.format(ticket.createdAt)) UTC · first response \(ticket.firstResponseAt.map { time.format($0) + " UTC" } ?? "none yet")",
        ]
        if !ticket.description.isEmpty { lines.append("  " + ticket.description) }
        if !detail.comments.isEmpty {
            lines.append("Comments:")
            lines += detail.comments.map { "  \(time.format($0.createdAt)) \($0.isCustomerVisible ? "to customer" : "internal"): \($0.body)" }
        }
        print(lines.map(TextTable.printable).joined(separator: "\n"))
    }
}
