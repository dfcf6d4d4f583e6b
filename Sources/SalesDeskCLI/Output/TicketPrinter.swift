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
            "  opened:   \(time.format(ticket.createdAt)) UTC",
            "  first response: \(detail.firstResponseRecord.summary(in: .gmt)) (UTC)",
        ]
        if !ticket.description.isEmpty { lines.append("  " + ticket.description) }
        let timeline = try database.timeline(for: .ticket(ticketID), in: .gmt)
        if !timeline.isEmpty {
            lines.append("History (UTC, newest first):")
            lines += timeline.map { "  \(time.format($0.at)) \($0.actor ?? "Sales Desk"): \($0.sentence)" }
        }
        print(lines.map(TextTable.printable).joined(separator: "\n"))
    }
}
