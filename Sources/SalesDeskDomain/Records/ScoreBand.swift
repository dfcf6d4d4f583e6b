/// A lead's score band: hot (≥ 70), warm (≥ 40) or cold.
public enum ScoreBand: String, Codable, CaseIterable, Sendable, Comparable {
    case cold, warm, hot

    /// The band of a score 0–100.
    public init(score: Int) {
        switch score {
        case 70...: self = .hot
        case 40...: self = .warm
        default: self = .cold
        }
    }

    /// The lowest score of the band.
    public var minimumScore: Int {
        switch self {
        case .hot: 70
        case .warm: 40
        case .cold: 0
        }
    }

    public static func < (lhs: ScoreBand, rhs: ScoreBand) -> Bool { lhs.minimumScore < rhs.minimumScore }
}
