import Foundation
import SalesDeskDomain
import SalesDeskReports
import SalesDeskStore
import TerminalUI

/// One run's inputs, and one method per report turning store rows into chart, table and drill-downs.
struct Context {
    let database: AppDatabase
    let request: ReportRequest
    let scope: ReportScope
    let now: Date
    let parameters: ReportParameters

    typealias Output = (ReportChart, ReportTable, [DrillDown?])

    var pipeline: Pipeline { database.configuration.pipeline }
    var currency: CurrencyCode { database.configuration.defaultCurrency }
    var period: ReportPeriod { request.period }

    func funnel() throws -> Output {
        let report = FunnelReport(counts: try database.funnelCounts(request, scope: scope), pipeline: pipeline)
        let drills = report.steps.map { step in
            DrillDown("Reached \(step.name)", .leads(ReportLeadFilter(source: request.source, createdIn: period, reached: step.stage)))
        }
        return (.bars(report.steps.map { .init($0.name, Double($0.reached)) }), report.table, drills)
    }

    func stageSpeed() throws -> Output {
        let weekAgo = now.addingTimeInterval(-7 * 86_400)
        let counts = try database.openQualifiedDeals(at: weekAgo, qualifiedFrom: PipelineVelocity.qualifiedFrom, request, scope: scope)
        let thisWeek = try database.closedDealTotals(from: weekAgo, to: now, request, scope: scope, currency: currency)
        let lastWeek = try database.closedDealTotals(from: weekAgo.addingTimeInterval(-7 * 86_400), to: weekAgo, request, scope: scope, currency: currency)
        let report = StageSpeedReport(
            summaries: try database.stageStaySummaries(request, scope: scope),
            velocity: PipelineVelocity(openQualifiedDeals: counts.now, totals: thisWeek, currency: currency),
            previousVelocity: PipelineVelocity(openQualifiedDeals: counts.then, totals: lastWeek, currency: currency), pipeline: pipeline)
        let drills: [DrillDown?] = report.lines.map { DrillDown("In \($0.name) now", .leads(ReportLeadFilter(stages: [$0.stage], source: request.source))) }
            + [DrillDown?](repeating: nil, count: report.table.rows.count - report.lines.count)
        return (.bars(report.lines.map { .init($0.name, $0.medianDays ?? 0) }), report.table, drills)
    }

    func winLoss() throws -> Output {
        let report = WinLossReport(tallies: try database.closedTallies(request, scope: scope), period: period, currency: currency, pipeline: pipeline)
        let base = ReportLeadFilter(source: request.source, closedIn: period)
        var drills: [DrillDown?] = report.reasons.map { reason in
            var filter = base
            filter.stages = [.lost]
            filter.lossReasonCode = LossReason.choices.first { $0.label == reason.label }?.code
            return DrillDown("Lost: \(reason.label)", .leads(filter))
        }
        drills += report.byRep.map { tally in
            var filter = base
            filter.ownerIDs = scope.people.filter { $0.value == tally.label }.map(\.key)
            return DrillDown("Closed by \(tally.label)", .leads(filter))
        }
        drills += report.bySource.map { tally in
            var filter = base
            filter.source = LeadSource.allCases.first { $0.label == tally.label }
            return DrillDown("Closed from \(tally.label)", .leads(filter))
        }
        drills += [DrillDown?](repeating: nil, count: report.table.rows.count - drills.count)
        let chart = ReportChart.stacked(series: ["Won", "Lost"], bars: report.monthly.map { .init($0.label, [Double($0.won), Double($0.lost)]) })
        return (report.reasons.isEmpty ? chart : .bars(report.reasons.map { .init($0.label, Double($0.count)) }), report.table, drills)
    }

    func activity() throws -> Output {
        let report = ActivityReport(counts: try database.activityCounts(request, scope: scope, now: now), people: scope.reps,
                                    workload: try database.plannedWorkload(from: now, scope: scope),
                                    overdueAnyDate: try database.overdueFollowUps(at: now, scope: scope), period: period)
        let drills: [DrillDown?] = report.reps.map { rep in
            DrillDown("Follow-ups of \(rep.ownerName)", .followUps(ownerIDs: scope.people.filter { $0.value == rep.ownerName }.map(\.key), dueIn: period))
        } + [DrillDown?](repeating: nil, count: report.table.rows.count - report.reps.count)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return (.heatmap(rows: weekdays, values: report.heatmap.map { $0.map(Double.init) }, columns: (0..<24).map { String($0) }), report.table, drills)
    }

    func sources() throws -> Output {
        let report = SourcesReport(counts: try database.sourceCounts(request, scope: scope, currency: currency))
        let drills = report.counts.map { DrillDown("Leads from \($0.source.label)", .leads(ReportLeadFilter(source: $0.source, createdIn: period))) }
        return (.stacked(series: ["Won", "Not won"], bars: report.counts.map { .init($0.source.label, [Double($0.won), Double($0.created - $0.won)]) }),
                report.table, drills)
    }

    func support() throws -> Output {
        let report = SupportReport(figures: try database.supportFigures(request, scope: scope, now: now), backlog: try database.ticketBacklog(scope: scope))
        // Each SLA row (and each team's bar, the first rows) opens its own breaches; the backlog rows open nothing.
        var drills: [DrillDown?] = report.slaLines.map { prefix, line in
            line.breachNumbers.isEmpty ? nil : DrillDown("SLA breaches of \(prefix.lowercased()) \(line.label)", .tickets(numbers: line.breachNumbers))
        }
        drills += [DrillDown?](repeating: nil, count: report.table.rows.count - drills.count)
        let chart = ReportChart.stacked(series: ["Met", "Breached"], bars: report.byTeam.map { .init($0.label, [Double($0.met), Double($0.breached)]) })
        return (chart, report.table, drills)
    }

    func forecast() throws -> Output {
        let report = ForecastReport(open: try database.forecastOpenGroups(request, scope: scope),
                                    won: try database.closedTallies(request, scope: scope, outcomesOnly: true),
                                    period: period, quota: try quota(), currency: currency, pipeline: pipeline)
        var drills: [DrillDown?] = report.categories.map { line in
            line.category == .closed
                ? DrillDown("Won this period", .leads(ReportLeadFilter(stages: [.won], source: request.source, closedIn: period)))
                : DrillDown("\(line.category.label) deals closing this period",
                            .leads(ReportLeadFilter(source: request.source, expectedCloseIn: period, forecastCategory: line.category)))
        }
        drills += [DrillDown?](repeating: nil, count: report.table.rows.count - drills.count)
        return (.stacked(series: ["Closed", "Weighted open"], bars: report.months.map {
            .init($0.label, [$0.closed.majorUnits, $0.weighted.majorUnits - $0.closed.majorUnits])
        }), report.table, drills)
    }

    /// Changes since the snapshot of the period's week (its Monday, UTC); an empty table says when there is none yet.
    func forecastMoves() throws -> Output {
        // Snapshots are keyed by Monday 00:00 UTC; the reader's local Monday lies within 14 hours of it either way.
        let week = ReportPeriod.containing(period.start.addingTimeInterval(14 * 3_600), .week, timeZone: TimeZone(identifier: "UTC")!).start
        let taken = try database.forecastSnapshotWeeks().contains { $0.weekStart == week }
        let moves = try database.forecastMoves(since: week, scope: scope)
        let day = LocalDay(timeZone: period.timeZone)
        let rows: [[ReportTable.Cell]] = moves.map { move in
            [.init(move.title), .init(move.ownerName), .init(move.kinds.map(\.label).joined(separator: ", ")),
             .init("\(move.valueBefore.formattedAmount) → \(move.valueNow.formattedAmount)"),
             .init("\(move.closeBefore.map(day.format) ?? "none") → \(move.closeNow.map(day.format) ?? "none")")]
        }
        let counts = ForecastMove.Kind.allCases.map { kind in (kind, moves.filter { $0.kinds.contains(kind) }.count) }
        let table = ReportTable(
            title: "Since the snapshot of \(day.format(week)): \(moves.count) deals moved",
            columns: ["Deal", "Owner", "What changed", "Value then → now", "Close date then → now"], rows: rows,
            notes: taken ? [] : ["No snapshot was taken that week (the scheduler takes one each week on its first pass)."])
        let drills = moves.map { DrillDown($0.title, .leads(ReportLeadFilter(leadIDs: [$0.leadID]))) }
        return (.bars(counts.map { .init($0.0.label, Double($0.1)) }), table, drills)
    }

    func forecastAccuracy() throws -> Output {
        let groups = try database.forecastSnapshotGroups(request, scope: scope)
        let weeks = Array(Set(groups.map(\.weekStart)))
        let report = ForecastAccuracyReport(groups: groups, wonBefore: try database.wonValueAtSnapshots(weeks, request, scope: scope, currency: currency),
                                            won: try database.closedTallies(request, scope: scope, outcomesOnly: true), currency: currency, pipeline: pipeline)
        let day = LocalDay(timeZone: TimeZone(identifier: "UTC")!)
        let drills = report.lines.map { _ in DrillDown("Won this period", .leads(ReportLeadFilter(stages: [.won], source: request.source, closedIn: period))) }
        // Accuracy in percent per snapshot: 100 means the snapshot forecast exactly what was won.
        return (.bars(report.lines.map { .init(day.format($0.weekStart), ($0.accuracy ?? 0) * 100) }), report.table(day: day.format), drills)
    }

    func scorecard() throws -> Output {
        let quotas = try quotasOfPeriod()
        var byRep: [Int64: Money] = [:]
        for quota in quotas { if case .rep(let id) = quota.holder { byRep[id] = quota.target } }
        let report = ScorecardReport(reps: scope.reps, closed: try database.closedTallies(request, scope: scope, outcomesOnly: true),
                                     open: try database.openPipelineByOwner(request, scope: scope),
                                     followUps: try database.followUpCounts(request, scope: scope, now: now), quotas: byRep,
                                     currency: currency, pipeline: pipeline)
        let drills = report.lines.map { DrillDown("Open deals of \($0.ownerName)", .leads(ReportLeadFilter(ownerIDs: [$0.ownerID], stages: pipeline.openStages.map(\.key)))) }
        return (.bars(report.lines.map { .init($0.ownerName, $0.wonValue.majorUnits) }), report.table, drills)
    }

    /// Quotas set for the same local days as the report's period, in whatever time zone they were set: a team's
    /// fourth quarter cut in Berlin time is the fourth quarter for an admin reading in UTC too.
    func quotasOfPeriod() throws -> [Quota] {
        // Local days of any time zone lie within 14 hours of the reader's.
        let widened = ReportPeriod(start: period.start.addingTimeInterval(-14 * 3_600), end: period.end.addingTimeInterval(14 * 3_600),
                                   timeZoneID: period.timeZoneID)
        return try database.quotas(within: widened).filter { $0.period.label == period.label }
    }

    /// The quota the forecast compares with: the one rep's when the report shows one person, else the asked-for
    /// team's, else the sum of the teams' quotas in scope for exactly this period.
    func quota() throws -> Money? {
        let quotas = try quotasOfPeriod().filter { $0.target.currency == currency }
        if scope.people.count == 1, let id = scope.people.keys.first {
            return quotas.first { $0.holder == .rep(id) }?.target
        }
        let teamIDs = Set(try database.users().filter { user in user.id.map { scope.people[$0] != nil } ?? false }.compactMap(\.teamID))
        let wanted = parameters.team.flatMap { name in try? database.teams().first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.id }
        let teamQuotas = quotas.filter { quota in
            guard case .team(let id) = quota.holder else { return false }
            return wanted.map { $0 == id } ?? (scope.isEveryone || teamIDs.contains(id))
        }
        guard !teamQuotas.isEmpty else { return nil }
        return Money(minorUnits: teamQuotas.reduce(0) { $0 + $1.target.minorUnits }, currency: currency)
    }
}

/// Calendar days in a reader's time zone: `2026-11-23`.
/// One formatter for all the dates of a report (a report of 20,000 moved deals formats 40,000 dates).
struct LocalDay {
    let timeZone: TimeZone
    private let formatter: DateFormatter

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
    }

    func format(_ date: Date) -> String { formatter.string(from: date) }
}
