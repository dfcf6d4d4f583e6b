import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// `salesdesk rules …` through the real binary, signed in by login name.
@Suite("Rules through the command line", .serialized)
struct RulesCLITests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    private func run(as handle: String, _ arguments: String...) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: [
            "SALESDESK_DB": desk.temporary.path, "SALESDESK_USER": handle, "SALESDESK_NOW": "2026-11-23T12:00:00Z",
            "XDG_CONFIG_HOME": desk.temporary.directory.path,
        ])
    }

    private func ruleFile(_ text: String = RuleSamples.bigDemoRecap) throws -> String {
        let path = desk.temporary.directory.appendingPathComponent("recap.rule").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aManagerAddsDryRunsAndEnablesTheIssuesRule() throws {
        let lead = try desk.lead(value: 2_000_000)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        let added = try run(as: "maria", "rules", "add", try ruleFile())
        #expect(added.status == 0, "\(added.stderr)")
        let dry = try run(as: "maria", "rules", "dry-run", "Recap after a big demo", "--days", "30")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("✓ value >= 10000 (is 20000)"))
        #expect(dry.stdout.contains("Totals: triggered 1 times, would fire 1 times."))
        #expect(try run(as: "maria", "rules", "enable", "Recap after a big demo").status == 0)
        let list = try run(as: "ana", "rules", "list", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.first { $0["name"] as? String == "Recap after a big demo" }?["state"] as? String == "active")
    }

    @Test func aRepCannotAddOrEnableRules() throws {
        let added = try run(as: "ana", "rules", "add", try ruleFile())
        #expect(added.status != 0)
        #expect(added.stderr.contains("ana (Sales rep) may not add, edit, enable or pause automation rules"))
        let enabled = try run(as: "ana", "rules", "enable", "Tell the manager about progress")
        #expect(enabled.status != 0)
        #expect(try desk.database.rule(named: "Tell the manager about progress").state == .draft)
    }

    @Test func aDryRunThroughTheBinaryLeavesTheFileByteIdentical() throws {
        let lead = try desk.lead(value: 2_000_000)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        _ = try desk.database.addRule(text: RuleSamples.bigDemoRecap, by: desk.manager)
        try desk.database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let files = [desk.temporary.path, desk.temporary.path + "-wal"]
        let before = files.map { FileManager.default.contents(atPath: $0) }
        let dry = try run(as: "ana", "rules", "dry-run", "Recap after a big demo", "--json")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(files.map { FileManager.default.contents(atPath: $0) } == before)
    }

    @Test func aMisspeltStageIsReportedWithItsPositionAndNothingIsSaved() throws {
        let result = try run(as: "maria", "rules", "add", try ruleFile(RuleSamples.bigDemoRecap.replacingOccurrences(of: "Demo Given", with: "Demo Givn")))
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 2, column 28"))
        #expect(result.stderr.contains("did you mean \"Demo Given\"?"))
        #expect(throws: DomainError.self) { try desk.database.rule(named: "Recap after a big demo") }
    }

    @Test func exportNeverReplacesAFileAlreadyThere() throws {
        let folder = desk.temporary.directory.appendingPathComponent("rules").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = try run(as: "ana", "rules", "export", folder)
        #expect(first.status == 0, "\(first.stderr)")
        let celebrate = (folder as NSString).appendingPathComponent("celebrate-a-win.rule")
        #expect(try String(contentsOfFile: celebrate, encoding: .utf8).hasPrefix("rule \"Celebrate a win\""))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: celebrate))
        let second = try run(as: "ana", "rules", "export", folder)
        #expect(second.status != 0)
        #expect(try String(contentsOfFile: celebrate, encoding: .utf8) == "mine")
    }
}
