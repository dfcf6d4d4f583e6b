import Foundation
import SalesDeskDomain

/// Report 6, support: first-response SLA, response and resolution times, backlog and reopens of the tickets
/// created in the period.
///
/// - **SLA met %** = tickets answered within their priority's first-response target (business time, the clock paused
///   while Pending at Customer) ÷ tickets answered or past the target (a breach recorded, or still unanswered past
///   it). Tickets still inside their target unanswered, and tickets closed before it without a reply, are not judged.
/// - **Median first response / resolution**: business hours from creation, over the tickets that have them.
/// - **Backlog**: tickets not Resolved, Deployed or Closed, by status and by category (all open tickets, not just the period's).
/// - **Reopen rate** = tickets moved from Resolved, Deployed or Closed back to In Process ÷ tickets resolved.
/// - **Pending at customer**: total hours the period's tickets waited on the customer.
public struct SupportReport: Codable, Equatable, Sendable {
    /// SLA figures of one group (a team, an agent, a priority).
    public struct SLALine: Codable, Equatable, Sendable {
        public var label: String
        public var met: Int
        public var breached: Int
        /// Ticket numbers of the group's breaches, oldest ticket first (what Enter on its row or bar opens).
        public var breachNumbers: [String] = []
        public var metRate: Double? { Statistics.ratio(met, met + breached) }

        init(label: String, groups: [SupportFigures.Group], breaches: [SupportFigures.Breach]) {
            self.label = label
            met = groups.reduce(0) { $0 + $1.met }
            breached = groups.reduce(0) { $0 + $1.breached }
            breachNumbers = breaches.map(\.number)
        }
    }

    public var tickets: Int
    public var byTeam: [SLALine]
    public var byAgent: [SLALine]
    public var byPriority: [SLALine]
    /// Ticket numbers of the breaches, oldest ticket first.
    public var breaches: [String]
    public var medianFirstResponseHours: Double?
    public var medianResolutionHours: Double?
    public var reopenRate: Double?
    public var pendingHours: Double
    public var backlogByStatus: [TicketStatus: Int]
    public var backlogByCategory: [TicketCategory: Int]

    /// One group of open tickets: how many share a status and a category.
    public typealias BacklogCount = SalesDeskDomain.BacklogCount

    /// `figures`: the period's tickets, summed by the store; `backlog`: every open ticket, counted by status and category.
    public init(figures: SupportFigures, backlog: [BacklogCount]) {
        tickets = figures.tickets
        func lines(_ key: @escaping (String?, String) -> String) -> [SLALine] {
            let groups = Dictionary(grouping: figures.groups) { key($0.assignee, $0.team) }
            let breaches = Dictionary(grouping: figures.breaches) { key($0.assignee, $0.team) }
            return groups.map { SLALine(label: $0, groups: $1, breaches: breaches[$0] ?? []) }.sorted { $0.label < $1.label }
        }
        byTeam = lines { _, team in team }
        byAgent = lines { assignee, _ in assignee ?? "Unassigned" }
        let breachesByPriority = Dictionary(grouping: figures.breaches, by: \.priority)
        byPriority = TicketPriority.allCases.sorted(by: >).compactMap { priority in
            let groups = figures.groups.filter { $0.priority == priority }
            guard !groups.isEmpty else { return nil }
            return SLALine(label: priority.label, groups: groups, breaches: breachesByPriority[priority] ?? [])
        }
        breaches = figures.breaches.map(\.number)
        medianFirstResponseHours = figures.medianFirstResponseSeconds.map { $0 / 3_600 }
        medianResolutionHours = figures.medianResolutionSeconds.map { $0 / 3_600 }
        reopenRate = Statistics.ratio(figures.reopened, figures.resolved)
        pendingHours = figures.pendingSeconds / 3_600
        backlogByStatus = Dictionary(grouping: backlog, by: \.status).mapValues { $0.reduce(0) { $0 + $1.tickets } }
        backlogByCategory = Dictionary(grouping: backlog, by: \.category).mapValues { $0.reduce(0) { $0 + $1.tickets } }
    }

    /// The SLA lines in the table's order (teams, priorities, agents); the table's first rows.
    public var slaLines: [(prefix: String, line: SLALine)] {
        byTeam.map { ("Team", $0) } + byPriority.map { ("Priority", $0) } + byAgent.map { ("Agent", $0) }
    }

    public var table: ReportTable {
        func row(_ prefix: String, _ line: SLALine) -> [ReportTable.Cell] {
            [.init("\(prefix): \(line.label)"), .count(line.met), .count(line.breached), .percent(line.metRate)]
        }
        var rows = slaLines.map { row($0.prefix, $0.line) }
        rows += TicketStatus.allCases.compactMap { status in backlogByStatus[status].map { [.init("Backlog: \(status.label)"), .count($0), "", ""] } }
        rows += TicketCategory.allCases.compactMap { category in backlogByCategory[category].map { [.init("Backlog: \(category.label)"), .count($0), "", ""] } }
        let notes = [
            "Median first response: \(ReportTable.Cell.days(medianFirstResponseHours).text) business hours; median resolution: \(ReportTable.Cell.days(medianResolutionHours).text) business hours.",
            "Reopen rate: \(ReportTable.Cell.percent(reopenRate).text); waiting on customers: \(String(format: "%.1f", pendingHours)) hours.",
            breaches.isEmpty ? "No SLA breaches." : "Breaches (\(breaches.count)): " + breaches.prefix(20).joined(separator: ", ") + (breaches.count > 20 ? ", …" : ""),
        ]
        return ReportTable(title: "Support: \(tickets) tickets created in the period", columns: ["Group", "SLA met", "Breached", "Met %"],
                           rows: rows, notes: notes)
    }
}
