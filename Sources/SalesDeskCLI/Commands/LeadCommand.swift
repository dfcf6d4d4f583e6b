import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// `salesdesk lead add|edit|list|show|move|assign|forecast`.
struct LeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead", abstract: "Create, edit, list, show, move and assign leads.",
        subcommands: [Add.self, Edit.self, List.self, Show.self, Move.self, Assign.self, Forecast.self])

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
        @Option(help: "Expected close date, YYYY-MM-DD.") var expectedClose: String?
        @Flag(help: "Print the new lead as JSON.") var json = false

        func validate() throws {
            if let value, value.contains(",") {
                throw ValidationError(TextSanitizer.sanitize(
                    "--value \(value.prefix(40)): write the amount without commas, e.g. 1000 or 1000.50 (a comma could mean thousands or decimals)."))
            }
        }

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
                source: source, ownerID: ownerID, value: money, expectedCloseDate: try expectedClose.map(CloseDate.parse)), by: user)
            try LeadPrinter(database: database, json: json).show(lead.id!)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a lead's deal name, value, expected close date or tags.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Lead id.") var id: Int64
        @Option(help: "Deal name.") var title: String?
        @Option(help: "Deal value, e.g. 12500.50, in the lead's currency.") var value: String?
        @Option(help: "Expected close date, YYYY-MM-DD.") var expectedClose: String?
        @Option(help: "Tags, comma separated (replaces the lead's tags).") var tags: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            guard title != nil || value != nil || expectedClose != nil || tags != nil else {
                throw ValidationError("Nothing to change: give --title, --value, --expected-close or --tags.")
            }
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let currency = try database.leadDetail(id).lead.value.currency
            try database.updateLead(id, LeadChanges(
                title: title, value: try value.map { try Money.parse($0, currency: currency) },
                expectedCloseDate: try expectedClose.map(CloseDate.parse),
                tags: tags.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }), by: user)
            try LeadPrinter(database: database, json: json).show(id)
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
            if let name, name.count > FieldRules.maxNameLength {
                throw ValidationError("--name is \(name.count) characters long; a name or company is at most \(FieldRules.maxNameLength), so nothing could match.")
            }
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

    struct Forecast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put an open deal in a forecast category: pipeline, best-case or commit; default goes back to its stage's.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Lead id.") var id: Int64
        @Argument(help: "pipeline, best-case, commit or default.") var category: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let chosen: ForecastCategory?
            if category.lowercased() == "default" {
                chosen = nil
            } else {
                guard let found = ForecastCategory.parse(category) else {
                    throw ValidationError("'\(TextTable.printable(category))' is not a forecast category. Use pipeline, best-case, commit or default.")
                }
                chosen = found
            }
            let database = try options.openDatabase()
            try database.setForecastCategory(id, chosen, by: try options.currentUser(in: database))
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

/// Reads `--expected-close` as a calendar day (UTC midnight, as imports store it).
enum CloseDate {
    static func parse(_ text: String) throws -> Date {
        guard let date = ImportDate.parse(text), text.trimmingCharacters(in: .whitespaces).count == 10 else {
            throw ValidationError("--expected-close '\(TextTable.printable(text))' is not a date; use YYYY-MM-DD, e.g. 2026-12-31.")
        }
        return date
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
