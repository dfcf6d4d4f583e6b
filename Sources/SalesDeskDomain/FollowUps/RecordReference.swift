/// A pointer to a lead, ticket or account: what a follow-up, notification or audit entry is about.
public enum RecordReference: Hashable, Codable, Sendable, CustomStringConvertible {
    case lead(Int64)
    case ticket(Int64)
    case account(Int64)
    case contact(Int64)
    case activity(Int64)
    case user(Int64)
    case team(Int64)
    /// A bulk import run (its batches are audited as one entry each).
    case importRun(Int64)
    /// An automation rule (its versions are audited with the rule text's hash).
    case rule(Int64)

    /// The stored kind (`lead`, `ticket`, ...).
    public var kind: String {
        switch self {
        case .lead: "lead"
        case .ticket: "ticket"
        case .account: "account"
        case .contact: "contact"
        case .activity: "activity"
        case .user: "user"
        case .team: "team"
        case .importRun: "import_run"
        case .rule: "rule"
        }
    }

    /// The record's id.
    public var id: Int64 {
        switch self {
        case .lead(let id), .ticket(let id), .account(let id), .contact(let id), .activity(let id), .user(let id), .team(let id),
             .importRun(let id), .rule(let id): id
        }
    }

    /// Rebuilds a reference from its stored kind and id.
    public init?(kind: String, id: Int64) {
        switch kind {
        case "lead": self = .lead(id)
        case "ticket": self = .ticket(id)
        case "account": self = .account(id)
        case "contact": self = .contact(id)
        case "activity": self = .activity(id)
        case "user": self = .user(id)
        case "team": self = .team(id)
        case "import_run": self = .importRun(id)
        case "rule": self = .rule(id)
        default: return nil
        }
    }

    /// `lead 42`, `T-000042`.
    public var description: String {
        if case .ticket(let id) = self { return Ticket.number(for: id) }
        return "\(kind) \(id)"
    }
}
