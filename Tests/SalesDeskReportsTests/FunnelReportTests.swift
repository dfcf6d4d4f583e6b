import Foundation
import SalesDeskDomain
import SalesDeskReports
import Testing

@Suite("Funnel and conversion")
struct FunnelReportTests {
    @Test("a skipped stage counts as reached, a move back keeps the furthest stage, and Lost is not a step")
    func furthestStage() {
        let pipeline = Pipeline.standard
        #expect(FunnelReport.furthest(of: [.open, .connected], pipeline: pipeline) == .connected)
        #expect(FunnelReport.furthest(of: [.open, .demoGiven, .firstContact], pipeline: pipeline) == .demoGiven)
        #expect(FunnelReport.furthest(of: [.open, .proposalSent, .lost], pipeline: pipeline) == .proposalSent)
        #expect(FunnelReport.furthest(of: [.open, .won], pipeline: pipeline) == .won)
        #expect(FunnelReport.furthest(of: [.lost], pipeline: pipeline) == nil)
    }

    @Test("ten leads: reached, conversion and drop-off per stage match the hand count")
    func handCountedCohort() {
        let report = FunnelReport(counts: [
            .init(furthest: .open, leads: 2), .init(furthest: .firstContact, leads: 1), .init(furthest: .connected, leads: 3),
            .init(furthest: .demoGiven, leads: 1), .init(furthest: .won, leads: 3),
        ], pipeline: .standard)
        #expect(report.cohort == 10)
        #expect(report.steps.map(\.reached) == [10, 8, 7, 4, 4, 3, 3, 3, 3])
        #expect(report.steps.map(\.dropOff) == [0, 2, 1, 3, 0, 1, 0, 0, 0])
        #expect(report.steps[0].conversion == nil)
        #expect(report.steps[1].conversion == 0.8)
        #expect(report.steps[2].conversion == 0.875)
        #expect(report.steps[3].conversion == 4.0 / 7.0)
        #expect(report.steps[5].conversion == 0.75)
        #expect(report.table.rows[1].map(\.text) == ["First Contact", "8", "80.0 %", "2"])
    }

    @Test("an empty cohort has no conversions rather than zero ones")
    func emptyCohort() {
        let report = FunnelReport(counts: [], pipeline: .standard)
        #expect(report.cohort == 0)
        #expect(report.steps.allSatisfy { $0.reached == 0 && $0.conversion == nil })
    }
}
