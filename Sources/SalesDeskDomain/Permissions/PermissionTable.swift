/// Who may do what: one table of ``Role`` × ``DeskAction`` → ``Scope``, checked by every write in the store.
///
/// ```swift
/// try PermissionTable.standard.check(.editLead, by: ana, ownerID: lead.ownerID)   // throws unless ana owns it
/// ```
///
/// | action | rep | support | manager | admin |
/// |---|---|---|---|---|
/// | createLead, editLead | own | — | all | all |
/// | assignLead | — | — | all | all |
/// | workFollowUp | own | own | all | all |
/// | createTicket | all | all | all | all |
/// | workTicket, assignTicket | — | all | all | all |
/// | reassignWork, seeEveryBoard, setQuotas, writeRules | — | — | all | all |
/// | manageUsers, manageTeams, configurePipeline, importRecords, restoreBackup | — | — | — | all |
public struct PermissionTable: Sendable {
    /// How far a permission reaches.
    public enum Scope: String, Sendable, Comparable {
        /// Not allowed.
        case none
        /// Only records the user owns (a lead's owner, a follow-up's owner).
        case own
        /// Any record.
        case all

        public static func < (lhs: Scope, rhs: Scope) -> Bool {
            let order: [Scope] = [.none, .own, .all]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// The grants; an action missing for a role is ``Scope/none``.
    public let grants: [Role: [DeskAction: Scope]]

    public init(grants: [Role: [DeskAction: Scope]]) {
        self.grants = grants
    }

    /// The desk's rules (see the type's table). Managers act on every team: one desk serves one
    /// company on one host, and a manager covering for another team is the common case.
    public static let standard = PermissionTable(grants: [
        .rep: [.createLead: .own, .editLead: .own, .workFollowUp: .own, .createTicket: .all],
        .support: [.workFollowUp: .own, .createTicket: .all, .workTicket: .all, .assignTicket: .all],
        .manager: Dictionary(uniqueKeysWithValues: DeskAction.managerActions.map { ($0, Scope.all) }),
        .admin: Dictionary(uniqueKeysWithValues: DeskAction.allCases.map { ($0, Scope.all) }),
    ])

    /// How far `role` may do `action`.
    public func scope(of action: DeskAction, for role: Role) -> Scope {
        grants[role]?[action] ?? .none
    }

    /// Whether `user` can hold `record`'s kind of work: a lead's owner must be someone who may edit leads
    /// (not a support rep), a ticket's assignee someone who may work tickets (not a sales rep). Throws an
    /// ``DomainError/invalidField(field:reason:)`` that says who can.
    public func checkCanHold(_ kind: HeldWork, _ user: User) throws(DomainError) {
        let action: DeskAction = kind == .lead ? .editLead : .workTicket
        guard scope(of: action, for: user.role) != .none else {
            let able = Role.allCases.filter { scope(of: action, for: $0) != .none }.map(\.label)
            throw .invalidField(field: kind == .lead ? "owner" : "assignee",
                                reason: "\(user.handle) is a \(user.role.label) and cannot hold \(kind == .lead ? "leads" : "tickets"); choose a \(able.joined(separator: ", "))")
        }
    }

    /// The work a user can be given.
    public enum HeldWork: Sendable { case lead, ticket }

    /// Whether `user` may do `action` to a record owned by `ownerID` (nil: no owner, e.g. a new team).
    public func allows(_ action: DeskAction, by user: User, ownerID: Int64? = nil) -> Bool {
        guard user.isActive else { return false }
        switch scope(of: action, for: user.role) {
        case .none: return false
        case .own: return ownerID != nil && ownerID == user.id
        case .all: return true
        }
    }

    /// Throws ``DomainError/notPermitted(_:)`` with a message that says who can do it instead.
    public func check(_ action: DeskAction, by user: User, ownerID: Int64? = nil, record: String? = nil) throws(DomainError) {
        guard !allows(action, by: user, ownerID: ownerID) else { return }
        let who = "\(user.handle) (\(user.role.label))"
        if !user.isActive { throw .notPermitted("\(user.handle) is deactivated. Ask an admin to reactivate the account.") }
        let able = Self.phrase(Role.allCases.filter { scope(of: action, for: $0) == .all }.map(\.label))
        if scope(of: action, for: user.role) == .own {
            throw .notPermitted("\(who) may \(action.phrase) only for their own records\(record.map { "; \($0) belongs to someone else" } ?? ""). Ask its owner or \(able) to do it.")
        }
        throw .notPermitted("\(who) may not \(action.phrase). Ask \(able) to do it.")
    }

    /// "a Manager or Admin", "an Admin", "a Support rep, Manager or Admin".
    private static func phrase(_ labels: [String]) -> String {
        let list = labels.count <= 1 ? labels.joined() : labels.dropLast().joined(separator: ", ") + " or " + labels.last!
        return ("AEIOU".contains(list.first ?? "x") ? "an " : "a ") + list
    }
}

extension DeskAction {
    /// What managers may do: everything except the admin's settings, users, imports and restores.
    static var managerActions: [DeskAction] {
        allCases.filter { ![.manageUsers, .manageTeams, .configurePipeline, .importRecords, .restoreBackup].contains($0) }
    }
}
