import Foundation
import SalesDeskDomain
import SalesDeskReports
import Testing

@Suite("Activity, support and scorecard")
struct ActivityAndSupportTests {
    static let week = ReportPeriod.containing(utc(2026, 11, 25), .week, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    static let now = local(2026, 11, 26, 12, 0, "Europe/Berlin")

    static func fact(_ type: ActivityType, _ state: ActivityState, due: Date, done: Date? = nil, reasons: [String] = []) -> ActivityReport.Fact {
        .init(ownerID: 1, ownerName: "Ana", type: type, state: state, dueAt: due, completedAt: done, rescheduleReasons: reasons)
    }

    static let facts = [
        fact(.call, .done, due: local(2026, 11, 23, 10, 0, "Europe/Berlin"), done: local(2026, 11, 23, 9, 50, "Europe/Berlin")),
        fact(.email, .done, due: local(2026, 11, 24, 10, 0, "Europe/Berlin"), done: local(2026, 11, 24, 12, 0, "Europe/Berlin")),
        fact(.meeting, .planned, due: local(2026, 11, 25, 9, 0, "Europe/Berlin")),
        fact(.whatsapp, .planned, due: local(2026, 11, 27, 9, 0, "Europe/Berlin"), reasons: ["Customer asked", "Customer asked"]),
        fact(.call, .cancelled, due: local(2026, 11, 24, 15, 0, "Europe/Berlin"), reasons: ["Holiday"]),
    ]

    @Test("per rep: completed by type, on-time rate, overdue, completion, reschedules and workload")
    func repLine() {
        let report = ActivityReport(facts: Self.facts, people: [1: "Ana", 2: "Kenji"], workload: [1: 5, 2: 3], period: Self.week, now: Self.now)
        let ana = report.reps.first { $0.ownerName == "Ana" }!
        #expect(ana.completed == [.call: 1, .email: 1])
        #expect(ana.onTimeRate == 0.5)
        #expect(ana.overdue == 1)
        #expect(ana.completion == 0.5)
        #expect(ana.reschedules == 3)
        #expect(ana.workload == 5)
        #expect(report.reps.map(\.ownerName) == ["Ana", "Kenji"])
        #expect(report.reps[1].workload == 3 && report.reps[1].completion == nil)
        #expect(report.rescheduleReasons.map(\.reason) == ["Customer asked", "Holiday"])
    }

    @Test("the heatmap puts each completion on its local weekday and hour")
    func heatmap() {
        let report = ActivityReport(facts: Self.facts, workload: [:], period: Self.week, now: Self.now)
        #expect(report.heatmap[0][9] == 1)
        #expect(report.heatmap[1][12] == 1)
        #expect(report.heatmap.joined().reduce(0, +) == 2)
    }

    @Test("SLA met % by team and priority, breaches, medians in business hours, reopen rate, backlog")
    func support() {
        let report = SupportReport(figures: SupportFigures(
            groups: [
                .init(team: "Data", assignee: "fatima", priority: .high, tickets: 1, met: 1, breached: 0),
                .init(team: "Data", assignee: "fatima", priority: .normal, tickets: 1, met: 0, breached: 1),
                .init(team: "Product", assignee: nil, priority: .critical, tickets: 1, met: 0, breached: 1),
                .init(team: "Product", assignee: "bob", priority: .normal, tickets: 1, met: 0, breached: 0),
            ],
            breaches: [.init(number: "T-000002", team: "Data", assignee: "fatima", priority: .normal),
                       .init(number: "T-000003", team: "Product", assignee: nil, priority: .critical)],
            medianFirstResponseSeconds: 5_400, medianResolutionSeconds: 10_800, reopened: 1, resolved: 2, pendingSeconds: 3_600),
            backlog: [.init(status: .inProcess, category: .syncIssue, tickets: 1), .init(status: .new, category: .productBug, tickets: 1),
                      .init(status: .new, category: .general, tickets: 1)])
        #expect(report.tickets == 4)
        #expect(report.byTeam.map(\.metRate) == [0.5, 0])
        #expect(report.byTeam.map(\.breachNumbers) == [["T-000002"], ["T-000003"]])
        #expect(report.byAgent.map(\.label) == ["Unassigned", "bob", "fatima"])
        #expect(report.byAgent.map(\.breachNumbers) == [["T-000003"], [], ["T-000002"]])
        #expect(report.byPriority.map(\.label) == ["Critical", "High", "Normal"])
        #expect(report.byPriority.map(\.met) == [0, 1, 0])
        #expect(report.byPriority.map(\.breached) == [1, 0, 1])
        #expect(report.breaches == ["T-000002", "T-000003"])
        #expect(report.medianFirstResponseHours == 1.5)
        #expect(report.medianResolutionHours == 3)
        #expect(report.reopenRate == 0.5)
        #expect(report.pendingHours == 1)
        #expect(report.backlogByStatus == [.new: 2, .inProcess: 1])
    }

    @Test("a scorecard line adds up a rep's deals, pipeline, follow-ups and attainment")
    func scorecard() {
        let report = ScorecardReport(
            reps: [1: "Ana"], closed: WinLossAndSourcesTests.deals, open: ForecastReportTests.deals, activities: Self.facts,
            quotas: [1: usd(3_000)], now: Self.now, currency: .usd, pipeline: .standard)
        let ana = report.lines[0]
        #expect(ana.won == 2 && ana.lost == 1)
        #expect(ana.wonValue == usd(1_500))
        #expect(ana.attainment == 0.5)
        #expect(ana.openDeals == 6)
        #expect(ana.openValue == usd(27_000))
        #expect(ana.weightedValue == usd(18_250))
        #expect(ana.completedFollowUps == 2 && ana.overdueFollowUps == 1)
    }
}
