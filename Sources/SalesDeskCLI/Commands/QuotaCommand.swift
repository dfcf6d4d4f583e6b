import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk quota set|list`: sales targets per rep or team and period (managers and admins).
struct QuotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota", abstract: "Set and list sales quotas (managers: their team; admins: everyone).", subcommands: [Set.self, List.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the quota of a rep or a team for a month or a quarter.")
        @OptionGroup var options: DeskOptions
        @Option(help: "The rep's handle.") var rep: String?
        @Option(help: "The team's name.") var team: String?
        @Option(help: "month or quarter.") var period: ReportPeriod.Kind = .quarter
        @Option(help: "A day inside the period, YYYY-MM-DD (default: today).") var of: String?
        @Option(help: "The target, e.g. 250000 or 250000.50.") var amount: String
        @Option(help: "Currency code (default from config).") var currency: String?

        func validate() throws {
            if (rep == nil) == (team == nil) { throw ValidationError("Give exactly one of --rep HANDLE or --team NAME.") }
            if period == .week { throw ValidationError("Quotas are set per month or quarter, not per week.") }
        }

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
            let day = try of.map { text -> Date in
                guard let date = ImportDate.parse(text), text.count == 10 else {
                    throw ValidationError("--of '\(TextTable.printable(text))' is not a day; use YYYY-MM-DD.")
                }
                return date.addingTimeInterval(12 * 3_600)
            } ?? DeskClock.now()
            let code = try currency.map { text in
                guard let code = CurrencyCode(rawValue: text) else { throw DomainError.invalidCurrency(text) }
                return code
            } ?? database.configuration.defaultCurrency
            let holder: Quota.Holder
            if let rep {
                holder = .rep(try Lookup.user(rep, in: database).id!)
            } else {
                let name = team!
                guard let found = try database.teams().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                    throw ValidationError("No team '\(TextTable.printable(name))'. Teams: \(try database.teams().map(\.name).joined(separator: ", ")).")
                }
                holder = .team(found.id!)
            }
            let quota = Quota(holder: holder, period: ReportPeriod.containing(day, period, timeZone: zone), target: try Money.parse(amount, currency: code))
            try database.setQuota(quota, by: user)
            print(TextTable.printable("Quota set: \(rep ?? team!) · \(quota.period.label) · \(quota.target)"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the quotas inside a month or quarter.")
        @OptionGroup var options: DeskOptions
        @Option(help: "month or quarter.") var period: ReportPeriod.Kind = .quarter
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            let user = try options.currentUser(in: database)
            let range = ReportPeriod.containing(DeskClock.now(), period, timeZone: TimeZone(identifier: user.timeZoneID) ?? .gmt)
            let people = Dictionary(uniqueKeysWithValues: try database.users().compactMap { user in user.id.map { ($0, user.name) } })
            let teams = Dictionary(uniqueKeysWithValues: try database.teams().compactMap { team in team.id.map { ($0, team.name) } })
            let rows = try database.quotas(within: range).map { quota -> QuotaOutput in
                switch quota.holder {
                case .rep(let id): QuotaOutput(holder: people[id] ?? "Former user", kind: "rep", period: quota.period.label, target: quota.target.formattedAmount, currency: quota.target.currency.rawValue)
                case .team(let id): QuotaOutput(holder: teams[id] ?? "Former team", kind: "team", period: quota.period.label, target: quota.target.formattedAmount, currency: quota.target.currency.rawValue)
                }
            }
            if json { return try JSONOutput.print(rows) }
            if rows.isEmpty { return print("No quotas set in \(range.label).") }
            print(TextTable(headers: ["FOR", "KIND", "PERIOD", "TARGET"], rows: rows.map { [$0.holder, $0.kind, $0.period, "\($0.target) \($0.currency)"] }).render())
        }
    }

    struct QuotaOutput: Encodable {
        var holder: String
        var kind: String
        var period: String
        var target: String
        var currency: String
    }
}
