import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskReports
import SalesDeskStore
import SalesDeskTesting
import Testing

/// On a generated demo file, the activity report from the follow-ups counted in SQL equals the report from every
/// follow-up, and Enter on a support row opens that row's own breaches.
@Suite("Activity counted in SQL equals activity from every follow-up")
struct ActivityCountsEqualFactsTests {
    @Test("per rep counts, on-time and completion rates, reschedule reasons and the heatmap agree, in five time zones")
    func generatedSet() throws {
        let set = try GeneratedReportSet()
        let database = set.database
        // A few reschedules with reasons (the generated follow-ups have none).
        let planned = try database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM activity WHERE state = 'planned' ORDER BY id LIMIT 6")
        }
        for (index, id) in planned.enumerated() {
            _ = try database.rescheduleFollowUp(id, to: set.now.addingTimeInterval(Double(index + 1) * 3_600),
                                                reason: index % 2 == 0 ? "Customer asked to move it" : "Travelling", by: set.admin)
        }
        var compared = 0
        for zone in GeneratedReportSet.zones + ["Asia/Kathmandu"] {
            for period in set.periods(in: zone) {
                for reader in [set.admin, set.manager] {
                    let scope = try database.reportScope(for: reader)
                    let request = ReportRequest(period: period)
                    let counted = ActivityReport(counts: try database.activityCounts(request, scope: scope, now: set.now), people: scope.reps,
                                                 workload: [:], period: period)
                    let facts = try database.activityFacts(request, scope: scope)
                    #expect(counted == ActivityReport(facts: facts, people: scope.reps, workload: [:], period: period, now: set.now),
                            "activity \(zone) \(period.label) \(reader.handle)")
                    compared += facts.count
                }
            }
        }
        #expect(compared > 1_000, "the generated set has follow-ups in the compared periods")
    }
}

@Suite("Support drill-down")
struct SupportDrillDownTests {
    @Test("Enter on a team, priority or agent row opens exactly that group's SLA breaches")
    func rowsOpenTheirBreaches() throws {
        let set = try GeneratedReportSet()
        let parameters = ReportParameters(report: .support)
        let view = try ReportRunner(database: set.database, now: { set.now }).run(parameters, for: set.admin)
        let facts = try set.database.recomputedTicketFacts(view.period, owners: nil, now: set.now)
        var opened = 0
        for (row, cells) in view.table.rows.enumerated() {
            let label = cells[0].text
            guard label.hasPrefix("Team: "), let drill = view.drillDowns[row], case .tickets(let numbers) = drill.target else { continue }
            let team = String(label.dropFirst("Team: ".count))
            #expect(numbers == facts.filter { $0.team == team && $0.metSLA == false }.map(\.number), "breaches of \(team)")
            opened += numbers.count
        }
        #expect(opened > 0 && opened == facts.filter { $0.metSLA == false }.count, "every breach is behind exactly one team row")
        #expect(view.table.rows.indices.allSatisfy { row in
            !view.table.rows[row][0].text.hasPrefix("Backlog") || view.drillDowns[row] == nil
        })
    }
}
