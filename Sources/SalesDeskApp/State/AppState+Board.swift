import SalesDeskDomain

extension AppState {
    /// Whether the permission table lets this user see every team's board; reps and support see their own team's.
    var seesEveryBoard: Bool { PermissionTable.standard.scope(of: .seeEveryBoard, for: user.role) == .all }

    /// Everyone this user may see on the board: nil for all, else their team and themselves.
    var visibleBoardOwnerIDs: [Int64]? {
        seesEveryBoard ? nil : Array(Set(teamMemberIDs + [user.id ?? 0])).sorted()
    }

    /// The board header's name for the scope ("everyone" is the user's own team for roles that see only it).
    var boardScopeLabel: String {
        boardScope == .everyone && !seesEveryBoard ? "my team" : boardScope.title
    }
}
