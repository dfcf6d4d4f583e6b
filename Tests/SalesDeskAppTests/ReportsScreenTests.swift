import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("The Reports screen")
struct ReportsScreenTests {
    static func seed(_ desk: DeskFixture) throws {
        try DeskHarness.standardSeed(desk)
        let lost = try desk.lead("Lost Cause", company: "Nope Ltd")
        try desk.database.moveLead(lost.id!, to: .lost, reason: .priceTooHigh, by: desk.manager)
    }

    @Test("a manager reads a report, switches report and period, and drills into the leads behind a row")
    func readAndDrill() throws {
        let harness = try DeskHarness(user: \.manager, seed: Self.seed)
        harness.press(.character("7"))
        #expect(harness.state.current == .reports)
        #expect(harness.screen.contains("Forecast against quota"))
        let reports = try #require(harness.state.screen(ReportsScreen.self))
        let winLoss = ReportName.allCases.firstIndex(of: .winLoss)! - ReportName.allCases.firstIndex(of: reports.report)!
        for _ in 0..<winLoss { harness.press(.character("]")) }
        #expect(harness.screen.contains("Win/loss and loss reasons"))
        let view = try #require(harness.state.screen(ReportsScreen.self)?.view)
        let row = try #require(view.drillDowns.firstIndex { $0.map { if case .leads = $0.target { true } else { false } } == true })
        for _ in 0..<row { harness.press(.character("j")) }
        harness.press(.enter)
        let drill = try #require(harness.state.screen(ReportsScreen.self)?.drill)
        #expect(harness.screen.contains(drill.title))
        harness.press(.escape)
        #expect(harness.state.screen(ReportsScreen.self)?.drill == nil)
        let span = harness.state.screen(ReportsScreen.self)?.span
        harness.press(.character("p"))
        #expect(harness.state.screen(ReportsScreen.self)?.span != span)
        #expect(harness.screen.contains("Win/loss and loss reasons"))
    }

    @Test("x exports the table to a new file, and never replaces one that exists")
    func exportNeverReplaces() throws {
        let harness = try DeskHarness(user: \.manager, seed: Self.seed)
        let folder = harness.desk.temporary.directory
        let path = folder.appendingPathComponent("forecast.csv").path
        harness.press(.character("7"), .character("x"), .ctrl("u"))
        harness.type(path)
        harness.press(.enter)
        #expect(harness.said.contains("Exported “Forecast against quota” as CSV"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("Category") || written.lowercased().contains("category"))
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        harness.press(.character("x"), .ctrl("u"))
        harness.type(path)
        harness.press(.enter)
        #expect(harness.said.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }
}
