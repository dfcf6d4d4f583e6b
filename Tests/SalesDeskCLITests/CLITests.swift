import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Runs the built binary against a temporary demo database.
@Suite("The salesdesk command line", .serialized)
struct CLITests {
    let demo: DemoCommandLine
    var temporary: TemporaryDatabase { demo.temporary }
    var environment: [String: String] { demo.environment }

    init() throws {
        demo = try DemoCommandLine()
    }

    private func run(_ arguments: String...) throws -> BuiltBinary.Result {
        try demo.run(arguments)
    }

    @Test("agenda --as a rep prints the rep's sections with real follow-ups")
    func agenda() throws {
        let result = try run("agenda", "--as", "ana")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("My Agenda — Ana Silva (ana)"))
        for section in ["Overdue (", "Today (", "Tomorrow (", "This week (", "Later ("] { #expect(result.stdout.contains(section)) }
        #expect(result.stdout.contains("#"))
    }

    @Test("lead list --stage \"Proposal Sent\" --json prints only Proposal Sent leads")
    func leadListJSON() throws {
        let result = try run("lead", "list", "--stage", "Proposal Sent", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let leads = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect((leads?.count ?? 0) > 0)
        #expect(leads?.allSatisfy { $0["stageKey"] as? String == "proposal_sent" } == true)
    }

    @Test("moving a lead to Lost without a reason fails with the list of reasons and changes nothing")
    func lostNeedsReason() throws {
        let ana = try #require(try temporary.database.user(handle: "ana"))
        let lead = try temporary.database.createLead(NewLead(contactName: "Fresh Lead", ownerID: ana.id!), by: ana)
        let refused = try run("lead", "move", String(lead.id!), "lost", "--as", "ana")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Lost needs a reason: Price too high, Went with competitor"))
        #expect(try temporary.database.lead(lead.id!)?.stage == .open)
        let lost = try run("lead", "move", String(lead.id!), "lost", "--reason", "Price too high", "--as", "ana", "--json")
        #expect(lost.status == 0, "\(lost.stderr)")
        #expect(lost.stdout.contains("\"lossReason\" : \"Price too high\""))
        #expect(try temporary.database.lead(lead.id!)?.lossReason == .priceTooHigh)
    }

    @Test("invalid arguments print usage and exit non-zero", arguments: [
        ["lead", "list", "--limit", "0"], ["lead", "move"], ["ticket", "list", "--status", "sleeping"], ["agenda", "--date", "yesterday-ish"],
        ["followup", "add", "--subject", "x", "--due", "sometime", "--as", "ana"], ["nonsense"], ["lead", "show", "not-a-number"],
        ["users", "add", "bad handle!", "--name", "X", "--as", "admin"], ["demo", "--size", "huge", "--db", "/tmp/never.sqlite"],
    ])
    func invalidArguments(arguments: [String]) throws {
        let result = try BuiltBinary.run(arguments, environment: environment)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("an unknown OS user is told how to be added")
    func unknownUser() throws {
        let result = try BuiltBinary.run(["agenda"], environment: environment.merging(["USER": "stranger", "SALESDESK_USER": "stranger"]) { $1 })
        #expect(result.status != 0)
        #expect(result.stderr.contains("'stranger' is not a desk user"))
        #expect(result.stderr.contains("salesdesk users add stranger"))
    }

    @Test("two processes writing one file at once both succeed")
    func twoProcesses() throws {
        let before = try temporary.database.countLeads(LeadQuery())
        let runs = try (0..<2).map { index in
            try BuiltBinary.start(["lead", "add", "--name", "Parallel \(index)", "--company", "Twin Co", "--as", "ana"], environment: environment)
        }
        let results = runs.map { $0.finish() }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        #expect(try temporary.database.countLeads(LeadQuery()) == before + 2)
    }

    @Test("a broken config file stops the command with file, line and key")
    func brokenConfig() throws {
        let folder = temporary.directory.appendingPathComponent("salesdesk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[tickets]\nwarn_at = \"often\"\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("lead", "list")
        #expect(result.status != 0)
        #expect(result.stderr.contains("config.toml:2: key 'tickets.warn_at'"))
    }

    @Test("ticket and follow-up verbs work end to end")
    func ticketAndFollowUp() throws {
        let added = try run("ticket", "add", "--subject", "Sync stopped", "--category", "sync_issue", "--priority", "high", "--as", "fatima", "--json")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("\"team\" : \"Technical Integration\""))
        // One of ana's own leads: a rep plans follow-ups only on leads she may edit.
        let mine = try run("lead", "list", "--mine", "--limit", "1", "--as", "ana", "--json")
        let leadID = try #require((try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? Int)
        let scheduled = try run("followup", "add", "--lead", String(leadID), "--subject", "Call back", "--due", "tomorrow 9:00", "--as", "ana", "--json")
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        let list = try run("followup", "list", "--as", "ana", "--json")
        #expect(list.stdout.contains("Call back"))
    }

    @Test("escape sequences in data never reach the terminal from a listing")
    func escapesAreNeutralised() throws {
        let added = try run("lead", "add", "--name", "Evil \u{1B}]0;pwned\u{07}\u{1B}[2J Person", "--as", "ana")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(!added.stdout.contains("\u{1B}"))
        let list = try run("lead", "list", "--name", "Evil", "--sort", "newest")
        #expect(list.stdout.contains("Evil"))
        #expect(!list.stdout.contains("\u{1B}"))
        #expect(!list.stdout.contains("\u{07}"))
    }
}
