import Foundation
import SalesDeskDomain
import SalesDeskReports
import Testing

@Suite("Forecast against quota")
struct ForecastReportTests {
    static func deal(_ id: Int64, _ stage: StageKey, _ value: Money, closing: Date?, override: ForecastCategory? = nil, wonAt: Date? = nil) -> ForecastDeal {
        ForecastDeal(leadID: id, title: "Deal \(id)", ownerID: 1, ownerName: "Ana", stage: stage, value: value, expectedClose: closing,
                     categoryOverride: override, wonAt: wonAt)
    }

    static let deals = [
        deal(1, .negotiation, usd(10_000), closing: utc(2026, 11, 15)),
        deal(2, .proposalSent, usd(5_000), closing: utc(2026, 12, 20)),
        deal(3, .connected, usd(1_000), closing: utc(2026, 10, 3), override: .commit),
        deal(4, .won, usd(4_000), closing: utc(2026, 9, 1), wonAt: utc(2026, 11, 1)),
        deal(5, .demoGiven, usd(2_000), closing: nil),
        deal(6, .negotiation, usd(9_000), closing: utc(2027, 1, 15)),
        deal(7, .connected, eur(800), closing: utc(2026, 11, 1)),
        deal(8, .lost, usd(3_000), closing: utc(2026, 11, 1)),
    ]

    @Test("categories default from the stage's probability and the owner's choice wins")
    func defaultCategories() {
        #expect(ForecastCategory.default(for: .open, in: .standard) == .pipeline)
        #expect(ForecastCategory.default(for: .demoGiven, in: .standard) == .bestCase)
        #expect(ForecastCategory.default(for: .negotiation, in: .standard) == .commit)
        #expect(ForecastCategory.default(for: .won, in: .standard) == .closed)
        #expect(ForecastCategory.default(for: .lost, in: .standard) == nil)
        #expect(Self.deals[2].category(in: .standard) == .commit)
    }

    @Test("the quarter's forecast is closed plus probability-weighted open deals, against the quota")
    func quarterAgainstQuota() {
        let report = ForecastReport(deals: Self.deals, period: q4, quota: usd(20_000), currency: .usd, pipeline: .standard)
        let lines = Dictionary(uniqueKeysWithValues: report.categories.map { ($0.category, $0) })
        #expect(lines[.pipeline]?.deals == 0)
        #expect(lines[.bestCase]?.value == usd(5_000) && lines[.bestCase]?.weighted == usd(3_000))
        #expect(lines[.commit]?.deals == 2 && lines[.commit]?.value == usd(11_000) && lines[.commit]?.weighted == usd(7_700))
        #expect(lines[.closed]?.weighted == usd(4_000))
        #expect(report.closed == usd(4_000))
        #expect(report.forecast == usd(14_700))
        #expect(report.attainment == 0.2)
        #expect(report.forecastAttainment == 0.735)
        #expect(report.undated == 1)
        #expect(report.otherCurrency == 1)
        #expect(report.months.map(\.weighted) == [usd(200), usd(11_500), usd(3_000)])
        #expect(report.months.map(\.closed) == [usd(0), usd(4_000), usd(0)])
    }

    @Test("without a quota there is no attainment and the table says so")
    func noQuota() {
        let report = ForecastReport(deals: Self.deals, period: q4, quota: nil, currency: .usd, pipeline: .standard)
        #expect(report.attainment == nil)
        #expect(report.table.notes.contains("No quota is set for this period."))
    }
}
