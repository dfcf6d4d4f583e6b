import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore
import SalesDeskTesting
import Testing

/// The support report sums each ticket's stored figures; these tests work every ticket out again from its row, its
/// status history and its team's business hours, and compare.
@Suite("Support report: stored figures equal a recomputation from scratch")
struct SupportFiguresEqualRecomputationTests {
    @Test("on a generated set, the company's and a team's support figures, from the sums and from the rows, equal the recomputed ones in every period and zone")
    func generatedSetAgrees() throws {
        let set = try GeneratedReportSet()
        var compared = 0
        for user in [set.admin, set.manager] {
            let scope = try set.database.reportScope(for: user)
            for zone in GeneratedReportSet.zones {
                for period in set.periods(in: zone) {
                    let facts = try set.database.recomputedTicketFacts(period, owners: scope.ownerIDs, now: set.now)
                    let recomputed = SupportReport(figures: SupportFigures(facts: facts), backlog: [])
                    for reading in [ReportReading.summaries, .rows] {
                        let stored = try set.database.supportFigures(ReportRequest(period: period), scope: scope, now: set.now, reading: reading)
                        #expect(SupportReport(figures: stored, backlog: []) == recomputed, "\(user.handle), \(zone), \(period.start), \(reading)")
                    }
                    compared += facts.count
                }
            }
        }
        #expect(compared > 1_000, "the generated set has tickets in the compared periods")
    }

    @Test("every ticket the report counts as breached shows a missed target on its detail screen, and every met one shows met")
    func detailAndReportAgree() throws {
        let set = try GeneratedReportSet()
        let period = ReportPeriod.containing(set.now, .quarter, timeZone: TimeZone(identifier: "UTC")!)
        let scope = try set.database.reportScope(for: set.admin)
        let breaches = Set(SupportReport(figures: try set.database.supportFigures(ReportRequest(period: period), scope: scope, now: set.now), backlog: []).breaches)
        let facts = try set.database.recomputedTicketFacts(period, owners: nil, now: set.now)
        var judged = (met: 0, breached: 0)
        for fact in facts {
            let record = try set.database.ticketDetail(fact.id).firstResponseRecord
            switch record {
            case .breached:
                #expect(breaches.contains(fact.number), "\(fact.number): the detail says breached")
                judged.breached += 1
            case .met:
                #expect(!breaches.contains(fact.number), "\(fact.number): the detail says met")
                judged.met += 1
            case .running(let due):
                #expect(breaches.contains(fact.number) == (due.breachAt.map { $0 <= set.now } ?? false), "\(fact.number): running")
            case .closedWithoutReply:
                #expect(!breaches.contains(fact.number), "\(fact.number): closed without a reply")
            }
        }
        #expect(judged.met > 10 && judged.breached > 10, "the quarter has both met and breached tickets: \(judged)")
    }
}
