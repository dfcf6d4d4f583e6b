import Foundation
import SalesDeskDomain
import SalesDeskReports
import Testing

@Suite("Win/loss and sources")
struct WinLossAndSourcesTests {
    static func deal(_ id: Int64, won: Bool, _ value: Money, rep: String, _ source: LeadSource, reason: LossReason? = nil,
                     from stage: StageKey? = nil, closed: Date, created: Date = utc(2026, 9, 1)) -> ClosedDeal {
        ClosedDeal(leadID: id, won: won, value: value, ownerID: rep == "Ana" ? 1 : 2, ownerName: rep, source: source,
                   lossReason: reason, lostFrom: stage, closedAt: closed, createdAt: created)
    }

    static let deals = [
        deal(1, won: true, usd(1_000), rep: "Ana", .websiteForm, closed: utc(2026, 10, 5)),
        deal(2, won: true, usd(500), rep: "Ana", .event, closed: utc(2026, 11, 2)),
        deal(3, won: false, usd(2_000), rep: "Kenji", .websiteForm, reason: .priceTooHigh, from: .proposalSent, closed: utc(2026, 11, 10)),
        deal(4, won: false, eur(300), rep: "Kenji", .websiteForm, reason: .priceTooHigh, from: .demoGiven, closed: utc(2026, 11, 11)),
        deal(5, won: false, usd(700), rep: "Ana", .event, reason: .wentWithCompetitor, from: .negotiation, closed: utc(2026, 12, 1)),
    ]

    @Test("win rate is won ÷ (won + lost), and loss reasons add up by count and by value in the report's currency only")
    func rateAndReasons() {
        let report = WinLossReport(deals: Self.deals, period: q4, currency: .usd, pipeline: .standard)
        #expect(report.total.won == 2 && report.total.lost == 3)
        #expect(report.total.winRate == 0.4)
        #expect(report.reasons.map(\.label) == ["Price too high", "Went with competitor"])
        #expect(report.reasons.map(\.count) == [2, 1])
        #expect(report.reasons.map(\.value) == [usd(2_000), usd(700)])
        #expect(report.wonValue == usd(1_500))
    }

    @Test("the rate splits by rep, by source, by the stage lost from and by month")
    func breakdowns() {
        let report = WinLossReport(deals: Self.deals, period: q4, currency: .usd, pipeline: .standard)
        #expect(report.byRep.map(\.label) == ["Ana", "Kenji"])
        #expect(report.byRep.map(\.winRate) == [2.0 / 3.0, 0])
        #expect(report.bySource.map(\.label) == ["Event", "Website form"])
        #expect(report.bySource.map(\.winRate) == [0.5, 1.0 / 3.0])
        #expect(report.lostFrom.map(\.label) == ["Demo Given", "Proposal Sent", "Negotiation"])
        #expect(report.monthly.map(\.label) == ["Oct 2026", "Nov 2026", "Dec 2026"])
        #expect(report.monthly.map(\.won) == [1, 1, 0])
        #expect(report.monthly.map(\.lost) == [0, 2, 1])
    }

    @Test("with no closed deals the win rate is undefined, not zero")
    func noDeals() {
        let report = WinLossReport(deals: [], period: q4, currency: .usd, pipeline: .standard)
        #expect(report.total.winRate == nil)
        #expect(report.table.title.hasSuffix("win rate —"))
    }

    @Test("sources are listed by leads created, with conversion = won ÷ created")
    func sources() {
        let report = SourcesReport(counts: [
            .init(source: .event, created: 4, won: 1, wonValue: usd(500)),
            .init(source: .websiteForm, created: 10, won: 3, wonValue: usd(4_500)),
        ])
        #expect(report.counts.map(\.source) == [.websiteForm, .event])
        #expect(report.table.rows[0].map(\.text) == ["Website form", "10", "3", "30.0 %", "4,500.00"])
        #expect(report.table.rows[1][3].text == "25.0 %")
    }
}
