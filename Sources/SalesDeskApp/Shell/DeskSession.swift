import Foundation
import SalesDeskDomain

/// Who sits at the desk and what every screen needs to know about them: the same for all screens.
public struct DeskSession: Sendable {
    public var user: User
    /// The user's team mates (their team's members, the user included).
    public var teamMemberIDs: [Int64]
    /// Every desk user, for names, owner filters and pickers.
    public var people: [User]
    public var pipeline: Pipeline
    public var permissions: PermissionTable
    public var now: Date
    /// A database the user may only read: write keys are not offered.
    public var readOnly: Bool

    public init(user: User, teamMemberIDs: [Int64] = [], people: [User] = [], pipeline: Pipeline = .standard,
                permissions: PermissionTable = .standard, now: Date, readOnly: Bool = false) {
        self.user = user
        self.teamMemberIDs = teamMemberIDs
        self.people = people
        self.pipeline = pipeline
        self.permissions = permissions
        self.now = now
        self.readOnly = readOnly
    }

    /// The user's time zone identifier.
    public var timeZone: String { user.timeZoneID }

    /// The user's time zone (UTC when the identifier is unknown): the one place the desk resolves it.
    public var zone: TimeZone { TimeZone(identifier: user.timeZoneID) ?? .gmt }

    /// Whether this user may ever do `action` on this desk (on some record): the test for offering its key.
    public func mayEver(_ action: DeskAction) -> Bool {
        !readOnly && permissions.scope(of: action, for: user.role) != .none
    }

    /// Managers work their team's follow-ups; everyone else their own.
    public var seesTeamFollowUps: Bool { user.role == .manager && !teamMemberIDs.isEmpty }

    /// Whether the user may see every team's board and queues; reps and support see their own team's.
    public var seesEveryTeam: Bool { permissions.scope(of: .seeEveryBoard, for: user.role) == .all }

    /// The handle of a user id, for rows that carry only an id.
    public func handle(of id: Int64?) -> String? { people.first { $0.id == id }?.handle }
}
