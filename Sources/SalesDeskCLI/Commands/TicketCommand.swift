import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk ticket add|list|show|move|assign|comment`.
struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Open, list, triage and answer tickets.",
        subcommands: [Add.self, List.self, Show.self, Move.self, Assign.self, Comment.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a ticket; its category routes it to a team.")
        @OptionGroup var options: DeskOptions
        @Option(help: "One-line subject.") var subject: String
        @Option(help: "Description.") var description: String = ""
        @Option(help: "How urgent.") var priority: TicketPriority = .normal
        @Option(help: "What it is about; routes the ticket to a team.") var category: TicketCategory = .general
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let ticket = try database.createTicket(NewTicket(subject: subject, description: description, priority: priority, category: category), by: user)
            try TicketPrinter(database: database, json: json).show(ticket.id!)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tickets, oldest first.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Only this status, e.g. new, \"Pending at Customer\".") var status: String?
        @Flag(help: "Only tickets assigned to you.") var mine = false
        @Option(help: "Only this priority.") var priority: TicketPriority?
        @Option(help: "Find tickets by number (T-000123 or 123), or by words of the subject, description, contact or account.") var search: String?
        @Option(help: "Rows to print.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000.") }
            let database = try options.openDatabase(allowReadOnly: true)
            var query = TicketQuery()
            if let status {
                guard let parsed = TicketStatus.parse(status) else { throw ValidationError("'\(status)' is not a status: \(TicketStatus.allCases.map(\.label).joined(separator: ", ")).") }
                query.statuses = [parsed]
            }
            if let priority { query.priorities = [priority] }
            if mine { query.assigneeIDs = [try options.currentUser(in: database).id!] }
            query.searchText = search
            let rows = try database.tickets(query, limit: limit).rows.map(TicketOutput.init)
            if json { return try JSONOutput.print(rows) }
            print(TextTable(headers: ["NUMBER", "SUBJECT", "ACCOUNT", "PRIORITY", "TEAM", "ASSIGNEE", "STATUS"], rows: rows.map {
                [$0.number, $0.subject, $0.account ?? "", $0.priority, $0.team ?? "", $0.assignee ?? "", TicketStatus(rawValue: $0.status)?.label ?? $0.status]
            }).render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a ticket with comments and history.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Ticket number (T-000123) or id.") var number: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            try TicketPrinter(database: database, json: json).show(try TicketPrinter.id(number))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a ticket to another status.", discussion: "Closing needs --customer-confirmed.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Ticket number or id.") var number: String
        @Argument(help: "Target status, e.g. \"In Process\", resolved, closed.") var status: String
        @Flag(help: "The customer confirmed the fix (required to close).") var customerConfirmed = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            guard let target = TicketStatus.parse(status) else { throw ValidationError("'\(status)' is not a status: \(TicketStatus.allCases.map(\.label).joined(separator: ", ")).") }
            let id = try TicketPrinter.id(number)
            try database.moveTicket(id, to: target, customerConfirmed: customerConfirmed, by: user)
            try TicketPrinter(database: database, json: json).show(id)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a ticket to a user.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Ticket number or id.") var number: String
        @Argument(help: "Assignee's handle.") var assignee: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let id = try TicketPrinter.id(number)
            try database.assignTicket(id, to: try Lookup.user(assignee, in: database).id!, by: user)
            try TicketPrinter(database: database, json: json).show(id)
        }
    }

    struct Comment: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Comment on a ticket (internal unless --to-customer).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Ticket number or id.") var number: String
        @Argument(help: "The comment text.") var body: String
        @Flag(help: "Send to the customer (counts as the first response).") var toCustomer = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let id = try TicketPrinter.id(number)
            try database.commentOnTicket(id, body: body, customerVisible: toCustomer, by: user)
            try TicketPrinter(database: database, json: json).show(id)
        }
    }
}
