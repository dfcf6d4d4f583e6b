import Foundation
import SalesDeskDomain
import SalesDeskReports
import Testing

@Suite("Stage speed and pipeline velocity")
struct StageSpeedReportTests {
    static let closed = [
        WinLossAndSourcesTests.deal(1, won: true, usd(1_000), rep: "Ana", .event, closed: utc(2026, 11, 11), created: utc(2026, 11, 1)),
        WinLossAndSourcesTests.deal(2, won: true, usd(3_000), rep: "Ana", .event, closed: utc(2026, 12, 1), created: utc(2026, 11, 1)),
        WinLossAndSourcesTests.deal(3, won: false, usd(500), rep: "Ana", .event, reason: .featureGaps, closed: utc(2026, 12, 1)),
        WinLossAndSourcesTests.deal(4, won: false, usd(500), rep: "Ana", .event, reason: .featureGaps, closed: utc(2026, 12, 1)),
    ]

    @Test("median and mean days per stage, and how many stays ran past the stall threshold")
    func stays() {
        let velocity = PipelineVelocity(openQualifiedDeals: 0, winRate: nil, averageWonValue: nil, medianCycleDays: nil)
        let report = StageSpeedReport(stays: [
            .init(stage: .open, days: 1), .init(stage: .open, days: 2), .init(stage: .open, days: 3),
            .init(stage: .firstContact, days: 2), .init(stage: .firstContact, days: 4),
        ], velocity: velocity, previousVelocity: velocity, pipeline: .standard)
        #expect(report.lines[0].medianDays == 2 && report.lines[0].meanDays == 2 && report.lines[0].overThreshold == 2)
        #expect(report.lines[1].medianDays == 3 && report.lines[1].meanDays == 3 && report.lines[1].overThreshold == 1)
        #expect(report.lines[2].stays == 0 && report.lines[2].medianDays == nil)
    }

    @Test("velocity = 10 qualified × 50 % × 2,000.00 ÷ 20 days = 500.00 a day, and its change since last week")
    func velocity() {
        let now = PipelineVelocity(openQualifiedDeals: 10, closed: Self.closed, currency: .usd)
        #expect(now.winRate == 0.5)
        #expect(now.averageWonValue == usd(2_000))
        #expect(now.medianCycleDays == 20)
        #expect(now.perDay == usd(500))
        let before = PipelineVelocity(openQualifiedDeals: 8, winRate: 0.5, averageWonValue: usd(2_000), medianCycleDays: 20)
        let report = StageSpeedReport(stays: [], velocity: now, previousVelocity: before, pipeline: .standard)
        let qualified = report.table.rows.first { $0[0].text == "Open qualified deals" }!
        #expect(qualified[2].text == "+25.0 % vs last week")
        #expect(report.table.rows.last?[1].text == "500.00")
    }

    @Test("a zero-day cycle gives no velocity instead of a division by zero")
    func zeroCycle() {
        #expect(PipelineVelocity(openQualifiedDeals: 3, winRate: 1, averageWonValue: usd(10), medianCycleDays: 0).perDay == nil)
    }
}
