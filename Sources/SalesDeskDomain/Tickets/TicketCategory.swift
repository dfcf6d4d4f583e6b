/// What a ticket is about; routes it to a team.
public enum TicketCategory: String, Codable, CaseIterable, Sendable {
    case syncIssue = "sync_issue"
    case productBug = "product_bug"
    case featureRequest = "feature_request"
    case dataProblem = "data_problem"
    case general

    public var label: String {
        switch self {
        case .syncIssue: "Sync issue"
        case .productBug: "Product bug"
        case .featureRequest: "Feature request"
        case .dataProblem: "Data problem"
        case .general: "General"
        }
    }

    /// Finds a category by code or label.
    public static func parse(_ text: String) -> TicketCategory? {
        let wanted = StageKey.normalised(text).rawValue
        return allCases.first { $0.rawValue == wanted || StageKey.normalised($0.label).rawValue == wanted }
    }
}
