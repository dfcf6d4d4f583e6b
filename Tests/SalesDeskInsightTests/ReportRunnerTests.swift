import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Reports run on a real database, scoped by role")
struct ReportRunnerTests {
    /// Ana wins one deal (10,000) and loses one on price (4,000); Kenji loses one to a competitor (2,500), all this quarter.
    static func desk() throws -> DeskFixture {
        let desk = try DeskFixture()
        let won = try desk.lead("Won Deal", value: 1_000_000)
        let lost = try desk.lead("Lost Deal", value: 400_000)
        let kenjis = try desk.lead("Kenji Deal", value: 250_000, owner: desk.otherRep)
        desk.clock.advance(by: 86_400)
        try desk.database.moveLead(won.id!, to: .proposalSent, by: desk.rep)
        try desk.database.moveLead(lost.id!, to: .demoGiven, by: desk.rep)
        desk.clock.advance(by: 86_400)
        try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.rep)
        try desk.database.moveLead(kenjis.id!, to: .lost, reason: .wentWithCompetitor, by: desk.otherRep)
        return desk
    }

    @Test("a manager's win/loss covers the team: 1 won, 2 lost, the loss reasons with their values")
    func managerSeesTeam() throws {
        let desk = try Self.desk()
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .winLoss), for: desk.manager)
        #expect(view.table.title == "Win/loss: 1 won, 2 lost, win rate 33.3 %")
        #expect(view.table.rows[0].map(\.text) == ["Lost: Price too high", "1", "", "4,000.00"])
        #expect(view.table.rows[1].map(\.text) == ["Lost: Went with competitor", "1", "", "2,500.00"])
        #expect(view.scope == "Your team")
    }

    @Test("a rep's report holds only their own deals, and asking for a colleague's figures is refused")
    func repSeesOwn() throws {
        let desk = try Self.desk()
        let runner = ReportRunner(database: desk.database, now: desk.clock.now)
        let view = try runner.run(ReportParameters(report: .winLoss), for: desk.rep)
        #expect(view.table.title == "Win/loss: 1 won, 1 lost, win rate 50.0 %")
        #expect(throws: DomainError.self) { try runner.run(ReportParameters(report: .winLoss, owner: "kenji"), for: desk.rep) }
    }

    @Test("the funnel counts a lead that skipped stages as having passed them")
    func funnelOnHistory() throws {
        let desk = try Self.desk()
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .funnel), for: desk.admin)
        let reached = view.table.rows.map { $0[1].text }
        // Three leads created; two went past Open (to Proposal Sent and Demo Given), one was won.
        #expect(reached == ["3", "2", "2", "2", "2", "1", "1", "1", "1"])
    }

    @Test("Enter on a loss reason opens exactly the deals lost for it")
    func drillDown() throws {
        let desk = try Self.desk()
        let runner = ReportRunner(database: desk.database, now: desk.clock.now)
        let parameters = ReportParameters(report: .winLoss)
        let view = try runner.run(parameters, for: desk.manager)
        let drill = try #require(view.drillDowns[0])
        #expect(drill.title == "Lost: Price too high")
        let ids = try runner.leadIDs(for: drill, reader: desk.manager, parameters: parameters)
        #expect(ids.count == 1)
        #expect(try desk.database.leadDetail(ids[0]).contact.name == "Lost Deal")
    }

    @Test("a quota set by the manager shows in the rep's forecast with its attainment")
    func forecastAgainstQuota() throws {
        let desk = try Self.desk()
        let quarter = ReportPeriod.containing(desk.clock.date, .quarter, timeZone: TimeZone(identifier: "UTC")!)
        try desk.database.setQuota(Quota(holder: .rep(desk.rep.id!), period: quarter, target: Money(minorUnits: 4_000_000, currency: .usd)), by: desk.manager)
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .forecast, owner: "ana"), for: desk.manager)
        let rows = Dictionary(uniqueKeysWithValues: view.table.rows.map { ($0[0].text, $0[3].text) })
        #expect(rows["Closed"] == "10,000.00")
        #expect(rows["Quota"] == "40,000.00")
        #expect(rows["Attainment (closed ÷ quota)"] == "25.0 %")
    }

    @Test("reps cannot set quotas, and a manager cannot set one for another team")
    func quotaPermissions() throws {
        let desk = try Self.desk()
        let quarter = ReportPeriod.containing(desk.clock.date, .quarter, timeZone: TimeZone(identifier: "UTC")!)
        let quota = Quota(holder: .rep(desk.rep.id!), period: quarter, target: Money(minorUnits: 100, currency: .usd))
        #expect(throws: DomainError.self) { try desk.database.setQuota(quota, by: desk.rep) }
        let data = try desk.database.teams().first { $0.name == "Data" }!
        #expect(throws: DomainError.self) {
            try desk.database.setQuota(Quota(holder: .team(data.id!), period: quarter, target: Money(minorUnits: 100, currency: .usd)), by: desk.manager)
        }
    }

    @Test("an owner can move a deal to Commit, and the forecast counts it there")
    func forecastCategoryOverride() throws {
        let desk = try DeskFixture()
        let lead = try desk.lead("Early Deal", value: 500_000)
        try desk.database.updateLead(lead.id!, LeadChanges(expectedCloseDate: utc(2026, 12, 15)), by: desk.rep)
        try desk.database.setForecastCategory(lead.id!, .commit, by: desk.rep)
        let view = try ReportRunner(database: desk.database, now: desk.clock.now).run(ReportParameters(report: .forecast), for: desk.rep)
        let commit = try #require(view.table.rows.first { $0[0].text == "Commit" })
        #expect(commit.map(\.text) == ["Commit", "1", "5,000.00", "250.00"])
        #expect(throws: DomainError.self) { try desk.database.setForecastCategory(lead.id!, .commit, by: desk.otherRep) }
    }

    @Test("exports carry the same table as CSV, Markdown and JSON, with control characters made harmless")
    func exports() throws {
        let table = ReportTable(title: "Win/loss", columns: ["Group", "Deals"],
                                rows: [[.init("Rep: Evil\u{1B}[2J, \"Name\" | x"), .count(3)], [.init("=cmd()"), .count(0)]], notes: ["a note"])
        let period = ReportPeriod.containing(utc(2026, 11, 23), .month, timeZone: TimeZone(identifier: "UTC")!)
        let view = ReportView(name: .winLoss, period: period, scope: "Everyone", chart: .bars([.init("A", 1)]), table: table, drillDowns: [nil, nil])
        let csv = try ReportExport.render(view, as: .csv)
        #expect(csv == "Group,Deals\r\n\"Rep: Evil␛[2J, \"\"Name\"\" | x\",3\r\n'=cmd(),0\r\n")
        let markdown = try ReportExport.render(view, as: .md)
        #expect(markdown.contains("| Rep: Evil␛[2J, \"Name\" \\| x | 3 |"))
        let json = try ReportExport.render(view, as: .json)
        #expect(json.contains("\"Deals\" : 3"))
        #expect(!json.contains("\\u001b"))
        let text = try ReportExport.render(view, as: .table, width: 40)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("a note"))
    }

    @Test("the text export ends no line in blanks, also after names in other scripts, and keeps every character")
    func textLinesEndInText() throws {
        let table = ReportTable(title: "Owners", columns: ["Deal", "Owner"],
                                rows: [[.init("Ôrange Bleue 319"), .init("Søren")], [.init("Gringotts 289 — renewal"), .init("Ayşe 🙂")]])
        let period = ReportPeriod.containing(utc(2026, 11, 23), .month, timeZone: TimeZone(identifier: "UTC")!)
        let view = ReportView(name: .winLoss, period: period, scope: "Everyone", chart: .bars([]), table: table, drillDowns: [nil, nil])
        let lines = try ReportExport.render(view, as: .table, width: 60).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines.contains("Ôrange Bleue 319         Søren"))
        #expect(lines.contains("Gringotts 289 — renewal  Ayşe 🙂"))
    }
}
