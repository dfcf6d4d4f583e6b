import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import TerminalUI

extension ReportName: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportPeriod.Kind: ExpressibleByArgument {}

/// `salesdesk report NAME [--from D --to D | --period week|month|quarter] [--team T] [--owner U] [--source S] [--format …]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Run a report: forecast, win-loss, funnel, stage-speed, activity, sources, support, scorecard.",
        discussion: """
            Reps see their own figures, managers their team's, admins everyone's. Periods are cut in your time zone.
            Reports: \(ReportName.allCases.map { "\($0.rawValue) (\($0.summary.lowercased()))" }.joined(separator: "; ")).
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The report: \(ReportName.allCases.map(\.rawValue).joined(separator: ", ")).") var name: ReportName
    @Option(help: "The current week, month or quarter (default depends on the report).") var period: ReportPeriod.Kind?
    @Flag(help: "The period before the current one (last week, month or quarter).") var previous = false
    @Option(help: "First day, YYYY-MM-DD (with --to).") var from: String?
    @Option(help: "Last day, included, YYYY-MM-DD (with --from).") var to: String?
    @Option(help: "Only this team (name).") var team: String?
    @Option(help: "Only this person (handle).") var owner: String?
    @Option(help: "Only leads from this source: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).") var source: String?
    @Option(help: "table, csv, json or md.") var format: ReportFormat = .table
    @Option(help: "Columns for the chart (default: the terminal's, else 100).") var width: Int?
    @Flag(help: "Draw charts with ASCII characters only.") var ascii = false

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together: give both days, e.g. --from 2026-10-01 --to 2026-10-31.") }
        if from != nil, period != nil || previous { throw ValidationError("Give either --from/--to or --period, not both.") }
        if let width, !(20...500).contains(width) { throw ValidationError("--width must be between 20 and 500.") }
    }

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true)
        let reader = try options.currentUser(in: database)
        let span: ReportParameters.Span?
        if let from, let to {
            guard let first = ReportParameters.day(from) else { throw ValidationError("--from '\(TextTable.printable(from))' is not a day; use YYYY-MM-DD.") }
            guard let last = ReportParameters.day(to) else { throw ValidationError("--to '\(TextTable.printable(to))' is not a day; use YYYY-MM-DD.") }
            span = .days(from: first, through: last)
        } else {
            let kind = period ?? name.defaultPeriod
            span = previous ? .previous(kind) : .current(kind)
        }
        let leadSource = try source.map { text in
            guard let found = LeadSource.parse(text) else {
                throw ValidationError("'\(TextTable.printable(text))' is not a source. Sources: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return found
        }
        let parameters = ReportParameters(report: name, span: span, team: team, owner: owner, source: leadSource)
        let view = try ReportRunner(database: database, now: DeskClock.now).run(parameters, for: reader)
        let columns = width ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).map { max(20, min(500, $0)) } ?? 100
        let text = try ReportExport.render(view, as: format, width: columns, glyphs: ascii || !Self.utf8Locale ? .ascii : .unicode)
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }

    /// Whether the locale (`LC_ALL`, `LC_CTYPE`, `LANG`, first set wins) is UTF-8 and can show block and braille characters.
    static var utf8Locale: Bool {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let codeset = locale.split(separator: ".").dropFirst().first.map { $0.split(separator: "@")[0] } ?? ""
        return AsciiFallback.localeIsUTF8(codeset: String(codeset))
    }
}
