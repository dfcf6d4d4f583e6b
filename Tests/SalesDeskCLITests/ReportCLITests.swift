import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// `salesdesk report`, `quota` and the expected close date, through the built binary on a demo database.
@Suite("Reports on the command line", .serialized)
struct ReportCLITests {
    let demo: DemoCommandLine

    init() throws {
        demo = try DemoCommandLine()
    }

    private func run(_ arguments: String...) throws -> BuiltBinary.Result {
        try demo.run(arguments)
    }

    @Test("a manager sets the team's quota and reads this quarter's forecast against it, with an ASCII chart")
    func forecastAgainstQuota() throws {
        let set = try run("quota", "set", "--team", "Sales EMEA", "--amount", "5000000", "--as", "jonas")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Quota set: Sales EMEA · 2026-10-01 – 2026-12-31 · 5,000,000.00 USD"))
        let report = try run("report", "forecast", "--as", "jonas", "--ascii", "--width", "80")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("Forecast against quota · 2026-10-01 – 2026-12-31 · Your team"))
        #expect(report.stdout.split(separator: "\n").contains { $0.hasPrefix("Quota ") && $0.hasSuffix(" 5,000,000.00") })
        #expect(report.stdout.contains("# Closed  = Weighted open"))
        #expect(!report.stdout.contains("█"))
    }

    @Test("every report runs for a manager in every format", arguments: ["forecast", "forecast-moves", "win-loss", "funnel", "stage-speed", "activity", "sources", "support", "scorecard"])
    func everyReport(name: String) throws {
        for format in ["table", "csv", "json", "md"] {
            let result = try run("report", name, "--as", "jonas", "--format", format)
            #expect(result.status == 0, "\(name) \(format): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
            if format == "json" { #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any]) }
        }
    }

    @Test("a rep asking for a colleague's figures is refused with who may see what, and a rep cannot set quotas")
    func scopeRefusals() throws {
        let peek = try run("report", "win-loss", "--owner", "lukas", "--as", "ana")
        #expect(peek.status != 0)
        #expect(peek.stderr.contains("Ana Silva may not see Lukas Müller's figures."))
        let quota = try run("quota", "set", "--rep", "ana", "--amount", "1", "--as", "ana")
        #expect(quota.status != 0)
        #expect(quota.stderr.contains("may not set quotas"))
    }

    @Test("bad report options are refused with what to give instead", arguments: [
        ["report", "nonsense", "--as", "jonas"], ["report", "forecast", "--period", "decade", "--as", "jonas"],
        ["report", "forecast", "--from", "2026-10-01", "--as", "jonas"], ["report", "forecast", "--from", "2026-13-01", "--to", "2026-12-01", "--as", "jonas"],
        ["report", "forecast", "--from", "2026-12-01", "--to", "2026-11-01", "--as", "jonas"], ["report", "forecast", "--format", "pdf", "--as", "jonas"],
        ["report", "sources", "--source", "carrier pigeon", "--as", "jonas"], ["report", "funnel", "--team", "Nowhere", "--as", "jonas"],
    ])
    func badOptions(arguments: [String]) throws {
        let result = try BuiltBinary.run(arguments, environment: demo.environment)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }

    @Test("a custom range report covers exactly the days given, in the reader's time zone")
    func customRange() throws {
        let result = try run("report", "funnel", "--from", "2026-11-01", "--to", "2026-11-15", "--as", "jonas", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"from\" : \"2026-10-31T23:00:00Z\""))
        #expect(result.stdout.contains("\"to\" : \"2026-11-15T23:00:00Z\""))
        #expect(result.stdout.contains("\"timeZone\" : \"Europe/Berlin\""))
    }

    @Test("lead add and lead edit take an expected close date, shown by lead show and its JSON")
    func expectedClose() throws {
        let added = try run("lead", "add", "--name", "Jo Close", "--company", "Closers Ltd", "--expected-close", "2026-12-31", "--as", "ana", "--json")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("\"expectedClose\" : \"2026-12-31\""))
        let lead = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        let id = try #require((lead?["lead"] as? [String: Any])?["id"] as? Int)
        let edited = try run("lead", "edit", String(id), "--expected-close", "2027-01-15", "--as", "ana")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("expected to close 2027-01-15"))
        let bad = try run("lead", "edit", String(id), "--expected-close", "soon", "--as", "ana")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--expected-close 'soon' is not a date; use YYYY-MM-DD"))
        #expect(try demo.temporary.database.leadDetail(Int64(id)).lead.expectedCloseDate == utc(2027, 1, 15))
    }

    @Test("an owner puts a deal in Commit from the command line")
    func forecastCategory() throws {
        let ana = try #require(try demo.temporary.database.user(handle: "ana"))
        let lead = try demo.temporary.database.createLead(NewLead(contactName: "Commit Me", ownerID: ana.id!), by: ana)
        let result = try run("lead", "forecast", String(lead.id!), "commit", "--as", "ana")
        #expect(result.status == 0, "\(result.stderr)")
        let refused = try run("lead", "forecast", String(lead.id!), "maybe", "--as", "ana")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Use pipeline, best-case, commit or default."))
    }
}
