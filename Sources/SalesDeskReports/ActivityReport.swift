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
        let calendar = ReportPeriod.calendar(period.timeZone)
        var names = people
        for fact in facts where names[fact.ownerID] == nil { names[fact.ownerID] = fact.ownerName }
        let byOwner = Dictionary(grouping: facts, by: \.ownerID)
        reps = names.sorted { $0.value < $1.value }.map { id, name in
            let mine = byOwner[id] ?? []
            let done = mine.filter { $0.state == .done }
            let dueSoFar = mine.filter { $0.dueAt <= now }
            return RepLine(
                ownerName: name,
                completed: Dictionary(grouping: done, by: \.type).mapValues(\.count),
                onTimeRate: Statistics.ratio(done.filter { ($0.completedAt ?? .distantFuture) <= $0.dueAt }.count, done.count),
                overdue: mine.filter { $0.state == .planned && $0.dueAt < now }.count,
                completion: Statistics.ratio(dueSoFar.filter { $0.state == .done }.count, dueSoFar.count),
                reschedules: mine.reduce(0) { $0 + $1.rescheduleReasons.count },
                workload: workload[id] ?? 0,
                overdueAnyDate: overdueAnyDate[id] ?? 0)
        }
        reasonCounts = Dictionary(grouping: facts.flatMap(\.rescheduleReasons)) { $0 }
            .map { ReasonCount(reason: $0, count: $1.count) }
            .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
        var grid = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
        for fact in facts where fact.state == .done {
            guard let at = fact.completedAt else { continue }
            let weekday = (calendar.component(.weekday, from: at) + 5) % 7
            grid[weekday][calendar.component(.hour, from: at)] += 1
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
