import Foundation
import SalesDeskDomain

/// Report 6, support: first-response SLA, response and resolution times, backlog and reopens of the tickets
/// created in the period.
///
/// - **SLA met %** = tickets answered within their priority's first-response target (business time) ÷ tickets
///   answered or already past the target unanswered. Tickets still inside their target unanswered are not judged yet.
/// - **Median first response / resolution**: business hours from creation, over the tickets that have them.
/// - **Backlog**: tickets not Resolved, Deployed or Closed, by status and by category (all open tickets, not just the period's).
/// - **Reopen rate** = tickets moved from Resolved, Deployed or Closed back to In Process ÷ tickets resolved.
/// - **Pending at customer**: total hours the period's tickets waited on the customer.
public struct SupportReport: Codable, Equatable, Sendable {
    /// One ticket as the report reads it; business durations are worked out by the caller with the team's hours.
    public typealias Fact = TicketFact

    /// SLA figures of one group (a team, an agent, a priority).
    public struct SLALine: Codable, Equatable, Sendable {
        public var label: String
        public var met: Int
        public var breached: Int
        /// Ticket numbers of the group's breaches (what Enter on its row or bar opens).
        public var breachNumbers: [String] = []
        public var metRate: Double? { Statistics.ratio(met, met + breached) }

        init(label: String, group: [Fact]) {
            self.label = label
            met = group.filter { $0.metSLA == true }.count
            breached = group.filter { $0.metSLA == false }.count
            breachNumbers = group.filter { $0.metSLA == false }.map(\.number).sorted()
        }
    }

    public var tickets: Int
    public var byTeam: [SLALine]
    public var byAgent: [SLALine]
    public var byPriority: [SLALine]
    /// Ticket numbers of the breaches.
    public var breaches: [String]
    public var medianFirstResponseHours: Double?
    public var medianResolutionHours: Double?
    public var reopenRate: Double?
    public var pendingHours: Double
    public var backlogByStatus: [TicketStatus: Int]
    public var backlogByCategory: [TicketCategory: Int]

    /// One group of open tickets: how many share a status and a category.
    public typealias BacklogCount = SalesDeskDomain.BacklogCount

    /// `facts`: the period's tickets; `backlog`: every open ticket, counted by status and category.
    public init(facts: [Fact], backlog: [BacklogCount]) {
        tickets = facts.count
        func lines(_ key: (Fact) -> String) -> [SLALine] {
            Dictionary(grouping: facts, by: key).map { SLALine(label: $0, group: $1) }.sorted { $0.label < $1.label }
        }
        byTeam = lines(\.team)
        byAgent = lines { $0.assignee ?? "Unassigned" }
        byPriority = TicketPriority.allCases.sorted(by: >).compactMap { priority in
            let group = facts.filter { $0.priority == priority }
            guard !group.isEmpty else { return nil }
            return SLALine(label: priority.label, group: group)
        }
        breaches = facts.filter { $0.metSLA == false }.map(\.number).sorted()
        medianFirstResponseHours = Statistics.median(facts.compactMap(\.firstResponseSeconds)).map { $0 / 3_600 }
        medianResolutionHours = Statistics.median(facts.compactMap(\.resolutionSeconds)).map { $0 / 3_600 }
        reopenRate = Statistics.ratio(facts.filter(\.reopened).count, facts.filter { $0.resolutionSeconds != nil }.count)
        pendingHours = facts.reduce(0) { $0 + $1.pendingSeconds } / 3_600
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
