import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// A real `salesdesk scheduler` killed with SIGKILL while it holds the rules' event stream.
@Suite("Rules survive a killed scheduler", .serialized)
struct RuleLeaseProcessTests {
    let desk: DeskFixture

    init() throws {
        desk = try DeskFixture()
    }

    private func environment(at instant: Date) -> [String: String] {
        ["SALESDESK_DB": desk.temporary.path, "SALESDESK_NOW": instant.ISO8601Format(), "XDG_CONFIG_HOME": desk.temporary.directory.path]
    }

    private func recaps() throws -> Int { try desk.count("activity", where: "subject = 'Send the demo recap'") }

    @Test("kill -9 of a scheduler that claimed the rules' events: the rule fires exactly once, after the lease runs out")
    func killedAfterClaimingEvents() throws {
        let rule = try desk.database.addRule(text: RuleSamples.bigDemoRecap, by: desk.manager)
        try desk.database.setRuleState(named: rule.name, to: .active, by: desk.manager)
        let lead = try desk.lead(value: 2_000_000)
        try desk.database.moveLead(lead.id!, to: .demoGiven, by: desk.rep)
        let claimedAt = utc(2026, 11, 23, 10, 1)
        let doomed = try BuiltBinary.start(["scheduler", "--once", "--hold-after-claim"], environment: environment(at: claimedAt))
        while try desk.count("automation_cursor", where: "name = 'events' AND claimed_by IS NOT NULL") == 0 { usleep(20_000) }
        kill(doomed.pid, SIGKILL)
        #expect(doomed.finish().status == 128 + SIGKILL)
        #expect(try desk.count("automation_run") == 0)
        #expect(try StoreSoundness.problems(in: desk.database) == [], "killed mid-pass: integrity, audit chain, board totals")

        let early = try BuiltBinary.run(["scheduler", "--once"], environment: environment(at: claimedAt.addingTimeInterval(59)))
        #expect(early.status == 0, "\(early.stderr)")
        #expect(try recaps() == 0, "the dead scheduler's lease still holds the events")
        for _ in 0..<2 {
            let result = try BuiltBinary.run(["scheduler", "--once"], environment: environment(at: claimedAt.addingTimeInterval(60)))
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try recaps() == 1)
        #expect(try desk.count("automation_run") == 1)
        #expect(try desk.count("notification", where: "kind = 'automation' AND user_id = \(desk.manager.id!)") == 1)
        #expect(try StoreSoundness.problems(in: desk.database) == [])
    }
}
