import SalesDeskDomain

/// The desk's own words a rule may use: stage and status names, sources, follow-up types, merge fields.
///
/// The parser checks values against it and suggests the nearest word when one is misspelt.
public struct RuleVocabulary: Sendable {
    /// Lead stage names as displayed (`Demo Given`), Won and Lost included.
    public var stageNames: [String]
    public var ticketStatusNames: [String]
    public var sourceKeys: [String]
    public var followUpTypes: [String]
    public var priorities: [String]
    public var categories: [String]

    public init(pipeline: Pipeline) {
        stageNames = pipeline.allKeys.map { pipeline.name(of: $0) }
        ticketStatusNames = TicketStatus.allCases.map(\.label)
        sourceKeys = LeadSource.allCases.map(\.rawValue)
        followUpTypes = ActivityType.allCases.map(\.rawValue)
        priorities = TicketPriority.allCases.map(\.rawValue)
        categories = TicketCategory.allCases.map(\.rawValue)
    }

    /// The standard pipeline's words.
    public static let standard = RuleVocabulary(pipeline: .standard)

    /// The merge fields a message may use (`{lead.name}`); an unknown one is a parse error.
    public static let mergeFields: [String] = [
        "lead.name", "lead.title", "lead.value", "lead.stage", "lead.days_in_stage", "lead.source", "lead.score",
        "owner.name", "owner.handle", "manager.name", "team.name",
        "ticket.number", "ticket.subject", "ticket.status", "ticket.priority",
        "followup.subject", "followup.type", "followup.due",
        "account.name", "rule.name",
    ]

    /// The allowed words for a field's values, if the field has a closed set (stage, status, source …).
    func choices(for field: RuleField) -> [String]? {
        switch field {
        case .stage: stageNames
        case .status: ticketStatusNames
        case .source: sourceKeys
        case .type: followUpTypes
        case .priority: priorities
        case .category: categories
        default: nil
        }
    }

    /// Whether `text` names one of `choices`, ignoring case, spaces and punctuation (`demo given` = `Demo Given`).
    public static func matches(_ text: String, _ choice: String) -> Bool {
        StageKey.normalised(text) == StageKey.normalised(choice)
    }
}

/// The nearest word to a misspelt one, for "did you mean …?".
enum Suggestion {
    /// The closest of `candidates` within an edit distance of a third of the word (at least 2).
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, lowered.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
