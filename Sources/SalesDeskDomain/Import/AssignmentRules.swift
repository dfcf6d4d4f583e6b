/// Who gets a captured lead: the first matching rule's owner or team, else the default owner.
///
/// A rule matches on source, country and product interest (each optional, case-insensitive);
/// its target is a user, or a team shared round-robin or to the least-loaded member.
public struct AssignmentRules: Equatable, Sendable {
    /// Where a matching lead goes.
    public enum Target: Equatable, Sendable {
        case user(String)
        case roundRobin(team: String)
        case leastLoaded(team: String)
    }

    /// One rule; nil conditions match anything.
    public struct Rule: Equatable, Sendable {
        public var source: LeadSource?
        public var country: String?
        public var productInterest: String?
        public var target: Target

        public init(source: LeadSource? = nil, country: String? = nil, productInterest: String? = nil, target: Target) {
            self.source = source
            self.country = country
            self.productInterest = productInterest
            self.target = target
        }

        func matches(_ lead: ImportedLead) -> Bool {
            (source == nil || source == lead.source)
                && Self.same(country, lead.country) && Self.same(productInterest, lead.productInterest)
        }

        private static func same(_ wanted: String?, _ actual: String?) -> Bool {
            guard let wanted else { return true }
            return actual.map { HeaderKey($0) == HeaderKey(wanted) } ?? false
        }
    }

    public var rules: [Rule]
    /// Handle of the owner of unmatched leads; nil means the user running the import.
    public var defaultOwner: String?

    public init(rules: [Rule] = [], defaultOwner: String? = nil) {
        self.rules = rules
        self.defaultOwner = defaultOwner
    }

    /// The target for a lead, or nil for the default owner.
    public func target(for lead: ImportedLead) -> Target? {
        rules.first { $0.matches(lead) }?.target
    }
}

/// Picks owner ids for leads, keeping round-robin positions and loads across a whole import.
public struct OwnerPicker: Sendable {
    public let rules: AssignmentRules
    /// Lower-cased handle → user id, active users only.
    private let users: [String: Int64]
    /// Lower-cased team name → member ids (active reps), in a stable order.
    private let teams: [String: [Int64]]
    private var loads: [Int64: Int]
    private var nextInTeam: [String: Int] = [:]
    private let fallback: Int64

    /// `loads` are each user's open leads before the import; `fallback` owns leads no rule or default places.
    public init(rules: AssignmentRules, users: [String: Int64], teams: [String: [Int64]], loads: [Int64: Int], fallback: Int64) {
        self.rules = rules
        self.users = Dictionary(users.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.teams = Dictionary(teams.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.loads = loads
        self.fallback = fallback
    }

    /// The owner for `lead`, counting it towards that owner's load.
    public mutating func pick(for lead: ImportedLead) -> Int64 {
        let owner = resolve(rules.target(for: lead)) ?? rules.defaultOwner.flatMap { users[$0.lowercased()] } ?? fallback
        loads[owner, default: 0] += 1
        return owner
    }

    private mutating func resolve(_ target: AssignmentRules.Target?) -> Int64? {
        switch target {
        case nil: return nil
        case .user(let handle): return users[handle.lowercased()]
        case .roundRobin(let team):
            guard let members = teams[team.lowercased()], !members.isEmpty else { return nil }
            let position = nextInTeam[team.lowercased(), default: 0]
            nextInTeam[team.lowercased()] = position + 1
            return members[position % members.count]
        case .leastLoaded(let team):
            guard let members = teams[team.lowercased()], !members.isEmpty else { return nil }
            return members.min { (loads[$0] ?? 0, $0) < (loads[$1] ?? 0, $1) }
        }
    }
}
