/// What a desk user is: decides which screens are home and what they may change.
public enum Role: String, Codable, CaseIterable, Sendable {
    case rep, support, manager, admin

    /// A human label for lists and forms.
    public var label: String {
        switch self {
        case .rep: "Sales rep"
        case .support: "Support rep"
        case .manager: "Manager"
        case .admin: "Admin"
        }
    }
}
