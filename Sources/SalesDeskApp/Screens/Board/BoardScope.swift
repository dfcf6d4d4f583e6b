/// Whose deals the pipeline board shows: `f` cycles everyone / mine / my team; `/` names an owner or a team.
public enum BoardScope: Sendable, Equatable {
    case everyone, mine, myTeam
    /// A user's handle or a team's name, as typed after `/`.
    case named(String)

    public var title: String {
        switch self {
        case .everyone: "everyone"
        case .mine: "my deals"
        case .myTeam: "my team"
        case .named(let name): name
        }
    }

    /// The next of the three fixed scopes (a named one goes back to everyone).
    public var next: BoardScope {
        switch self {
        case .everyone: .mine
        case .mine: .myTeam
        case .myTeam, .named: .everyone
        }
    }
}
