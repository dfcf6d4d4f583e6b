import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk lead add|list|show|move|assign`.
struct LeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead", abstract: "Create, list, show, move and assign leads.",
        subcommands: [Add.self, List.self, Show.self, Move.self, Assign.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a lead (contact + company + deal) in Open.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Contact's full name.") var name: String
        @Option(help: "Contact's email.") var email: String?
        @Option(help: "Contact's phone; stored as E.164 when it parses.") var phone: String?
        @Option(help: "Contact's job title.") var jobTitle: String?
        @Option(help: "Company name; an account is created if none matches.") var company: String?
        @Option(help: "Deal name.") var title: String?
        @Option(help: "Source: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).") var source: String = "manual"
        @Option(help: "Deal value, e.g. 12500.50.") var value: String?
        @Option(help: "Currency code (default from config).") var currency: String?
        @Option(help: "Owner's handle (default: you).") var owner: String?
        @Flag(help: "Print the new lead as JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            guard let source = LeadSource.parse(source) else {
                throw ValidationError("'\(source)' is not a source. Sources: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let ownerID = try owner.map { try Lookup.user($0, in: database).id! } ?? user.id!
            let currencyCode = try currency.map { text in
                guard let code = CurrencyCode(rawValue: text) else { throw DomainError.invalidCurrency(text) }
                return code
            } ?? database.configuration.defaultCurrency
            let money = try value.map { try Money.parse($0, currency: currencyCode) }
            let lead = try database.createLead(NewLead(
                contactName: name, email: email, phone: phone, jobTitle: jobTitle, company: company, dealTitle: title,
                source: source, ownerID: ownerID, value: money), by: user)
            try LeadPrinter(database: database, json: json).show(lead.id!)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leads, a page at a time.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Only this stage (name or key), e.g. \"Proposal Sent\".") var stage: String?
        @Option(help: "Only this owner's leads (handle).") var owner: String?
        @Flag(help: "Only your own leads.") var mine = false
        @Flag(help: "Only leads past their stage's stall threshold.") var stalled = false
        @Option(help: "Only leads scoring at least this.") var minScore: Int?
        @Option(help: "Name or company contains this text.") var name: String?
        @Option(help: "Order of the list.") var sort: LeadSortOption = .staleness
        @Option(help: "Rows to print.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000.") }
            let database = try options.openDatabase(allowReadOnly: true)
            let now = DeskClock.now()
            var query = LeadQuery(minimumScore: minScore, nameContains: name)
            query.sort = sort.sort
            if let stage { query.stages = [try database.configuration.pipeline.stage(named: stage)] }
            if let owner { query.ownerIDs = [try Lookup.user(owner, in: database).id!] }
            if mine { query.ownerIDs = [try options.currentUser(in: database).id!] }
            if stalled { query.stalledAt = now }
            let page = try database.leads(query, limit: limit)
            let pipeline = database.configuration.pipeline
            let outputs = page.rows.map { LeadOutput($0, pipeline: pipeline, now: now) }
            if json { return try JSONOutput.print(outputs) }
            print(TextTable(headers: ["ID", "NAME", "COMPANY", "STAGE", "DAYS", "VALUE", "SCORE", "OWNER"], rows: outputs.map {
                [String($0.id), $0.name, $0.company ?? "", $0.stage + ($0.onHold ? " (hold)" : ""), String($0.daysInStage),
                 "\($0.value) \($0.currency)", "\($0.score) \($0.band)", $0.owner]
            }).render())
            if page.next != nil { print("(more: raise --limit or narrow the filter)") }
        }

    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a lead with its follow-ups and history.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Lead id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            try LeadPrinter(database: database, json: json).show(id)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a lead to another stage.",
            discussion: "Lost needs --reason (\(LossReason.choiceList)); Other also needs --note.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Lead id.") var id: Int64
        @Argument(help: "Target stage, e.g. \"Demo Given\", won, lost.") var stage: String
        @Option(help: "Loss reason, required for Lost.") var reason: String?
        @Option(help: "Text for the Other loss reason.") var note: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let target = try database.configuration.pipeline.stage(named: stage)
            let lossReason = try reason.map { try LossReason.parse($0, note: note) }
            try database.moveLead(id, to: target, reason: lossReason, by: user)
            try LeadPrinter(database: database, json: json).show(id)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a lead to another user.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Lead id.") var id: Int64
        @Argument(help: "New owner's handle.") var owner: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            try database.assignLead(id, to: try Lookup.user(owner, in: database).id!, by: user)
            try LeadPrinter(database: database, json: json).show(id)
        }
    }
}

/// Finds records named on the command line.
enum Lookup {
    static func user(_ handle: String, in database: AppDatabase) throws -> User {
        guard let user = try database.user(handle: handle) else {
            throw ValidationError("No desk user '\(handle)'. See: salesdesk users list")
        }
        return user
    }
}
