import SalesDeskDomain

extension AppState {
    /// Whose deals the board shows: the user's own ("my deals"), else everyone the permission table lets
    /// them see — every team for managers and admins, their own team for reps and support (read-only).
    var boardOwnerIDs: [Int64]? {
        let me = user.id ?? 0
        if boardOnlyMine { return [me] }
        return PermissionTable.standard.scope(of: .seeEveryBoard, for: user.role) == .all ? nil : Array(Set(teamMemberIDs + [me]))
    }

    /// The board header's name for ``boardOwnerIDs``.
    var boardScopeLabel: String {
        if boardOnlyMine { return "my deals" }
        return PermissionTable.standard.scope(of: .seeEveryBoard, for: user.role) == .all ? "everyone" : "my team"
    }
}
