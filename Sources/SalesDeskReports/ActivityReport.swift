import Foundation
import SalesDeskDomain

/// Report 4, activity: per rep, the follow-ups due in the period and what became of them.
///
/// - **Completed** by type: done follow-ups due in the period.
/// - **On-time rate** = done no later than their due time ÷ done.
/// - **Overdue**: still planned and due before now.
/// - **Completion** = done ÷ due in the period up to now (cancelled ones count as not done).
/// - **Reschedules**: how often they were moved, with the reasons given.
/// - **Workload**: planned follow-ups from now on, per rep (the team's balance).
/// - **Overdue, any date**: every planned follow-up past due now, whenever it was due (not only in the period).
/// - **Heatmap**: done follow-ups by local weekday × hour of completion.
public struct ActivityReport: Codable, Equatable, Sendable {
    /// One follow-up as the report reads it.
    public typealias Fact = ActivityFact

    /// One rep's line.
    public struct RepLine: Codable, Equatable, Sendable {
        public var ownerName: String
        public var completed: [ActivityType: Int]
        public var onTimeRate: Double?
        public var overdue: Int
        public var completion: Double?
        public var reschedules: Int
        public var workload: Int
        public var overdueAnyDate: Int
    }

    public var reps: [RepLine]
    /// Reschedule reasons, most given first.
    public var rescheduleReasons: [(reason: String, count: Int)] { reasonCounts.map { ($0.reason, $0.count) } }
    private var reasonCounts: [ReasonCount]
    /// `heatmap[weekday][hour]`, weekday 0 = Monday, in the period's time zone.
    public var heatmap: [[Int]]

    private struct ReasonCount: Codable, Equatable, Sendable {
        var reason: String
        var count: Int
    }

    /// `people`: id → name of every rep the reader may see (reps with no follow-ups get a line too);
    /// `workload`: planned follow-ups due from `now` on, per owner id (reps with none can be absent);
    /// `overdueAnyDate`: planned follow-ups past due at `now`, per owner id, whatever their due date.
    public init(facts: [Fact], people: [Int64: String] = [:], workload: [Int64: Int], overdueAnyDate: [Int64: Int] = [:], period: ReportPeriod, now: Date) {
        self.init(counts: ActivityCounts(facts: facts, now: now), people: people, workload: workload, overdueAnyDate: overdueAnyDate, period: period)
    }

    /// The report from the follow-ups counted in the store (``ActivityCounts``, counted against the report's `now`).
    public init(counts: ActivityCounts, people: [Int64: String] = [:], workload: [Int64: Int], overdueAnyDate: [Int64: Int] = [:], period: ReportPeriod) {
        let calendar = ReportPeriod.calendar(period.timeZone)
        var names = people
        for tally in counts.tallies where names[tally.ownerID] == nil { names[tally.ownerID] = tally.ownerName }
        let byOwner = Dictionary(grouping: counts.tallies, by: \.ownerID)
        reps = names.sorted { $0.value < $1.value }.map { id, name in
            let mine = byOwner[id] ?? []
            func count(_ included: (ActivityTally) -> Bool) -> Int { mine.filter(included).reduce(0) { $0 + $1.count } }
            let done = count { $0.state == .done }
            return RepLine(
                ownerName: name,
                completed: Dictionary(grouping: mine.filter { $0.state == .done }, by: \.type).mapValues { $0.reduce(0) { $0 + $1.count } },
                onTimeRate: Statistics.ratio(count { $0.state == .done && $0.onTime }, done),
                overdue: count { $0.state == .planned && $0.pastDue },
                completion: Statistics.ratio(count { $0.dueSoFar && $0.state == .done }, count(\.dueSoFar)),
                reschedules: counts.reschedules[id]?.values.reduce(0, +) ?? 0,
                workload: workload[id] ?? 0,
                overdueAnyDate: overdueAnyDate[id] ?? 0)
        }
        reasonCounts = counts.reschedules.values.reduce(into: [String: Int]()) { total, reasons in total.merge(reasons, uniquingKeysWith: +) }
            .map { ReasonCount(reason: $0, count: $1) }
            .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
        var grid = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
        for (at, done) in counts.completions {
            let weekday = (calendar.component(.weekday, from: at) + 5) % 7
            grid[weekday][calendar.component(.hour, from: at)] += done
        }
        heatmap = grid
    }

    public var table: ReportTable {
        let types = ActivityType.allCases.filter { $0 != .task }
        var rows: [[ReportTable.Cell]] = reps.map { rep in
            [.init(rep.ownerName)] + types.map { .count(rep.completed[$0] ?? 0) }
                + [.percent(rep.onTimeRate), .count(rep.overdue), .count(rep.overdueAnyDate), .percent(rep.completion), .count(rep.reschedules),
                   .count(rep.workload)]
        }
        rows += reasonCounts.map { [.init("Rescheduled: \($0.reason)"), "", "", "", "", "", "", "", "", .count($0.count), ""] }
        return ReportTable(title: "Activity per rep", columns: ["Rep"] + types.map { "\($0.label)s" }
                           + ["On time", "Overdue", "Overdue, any date", "Completion", "Reschedules", "Planned ahead"], rows: rows)
    }
}
