import Foundation

/// The support report's figures for the tickets created in a period, as the store sums them from each ticket's
/// stored figures (see `Docs/REPORTS.md`, "Support").
public struct SupportFigures: Codable, Equatable, Sendable {
    /// The tickets that share a team, an assignee and a priority.
    public struct Group: Codable, Equatable, Sendable {
        public var team: String
        /// The assignee's name; nil when unassigned.
        public var assignee: String?
        public var priority: TicketPriority
        public var tickets: Int
        /// Answered with no breach of the first-response target.
        public var met: Int
        /// The target was missed: answered late, closed late without a reply, or still unanswered past it.
        public var breached: Int

        public init(team: String, assignee: String?, priority: TicketPriority, tickets: Int, met: Int, breached: Int) {
            self.team = team
            self.assignee = assignee
            self.priority = priority
            self.tickets = tickets
            self.met = met
            self.breached = breached
        }
    }

    /// One ticket that missed its first-response target, with the groups it counts in.
    public struct Breach: Codable, Equatable, Sendable {
        public var number: String
        public var team: String
        public var assignee: String?
        public var priority: TicketPriority

        public init(number: String, team: String, assignee: String?, priority: TicketPriority) {
            self.number = number
            self.team = team
            self.assignee = assignee
            self.priority = priority
        }
    }

    public var groups: [Group]
    /// Oldest ticket first.
    public var breaches: [Breach]
    /// Business seconds to the first response, median over the answered tickets.
    public var medianFirstResponseSeconds: Double?
    /// Business seconds from creation to resolution, median over the resolved tickets.
    public var medianResolutionSeconds: Double?
    /// Tickets moved back to In Process from Resolved, Deployed or Closed.
    public var reopened: Int
    /// Tickets with a resolution (resolved and not reopened since).
    public var resolved: Int
    /// Seconds the tickets waited at Pending at Customer, current waits up to the report's instant.
    public var pendingSeconds: Double

    public init(groups: [Group], breaches: [Breach], medianFirstResponseSeconds: Double?, medianResolutionSeconds: Double?,
                reopened: Int, resolved: Int, pendingSeconds: Double) {
        self.groups = groups
        self.breaches = breaches
        self.medianFirstResponseSeconds = medianFirstResponseSeconds
        self.medianResolutionSeconds = medianResolutionSeconds
        self.reopened = reopened
        self.resolved = resolved
        self.pendingSeconds = pendingSeconds
    }

    /// How many tickets the figures cover.
    public var tickets: Int { groups.reduce(0) { $0 + $1.tickets } }
}
