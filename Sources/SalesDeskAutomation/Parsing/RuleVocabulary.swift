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
        // Rules compare values on every event and every replayed moment: plain ASCII words are compared in place,
        // without building the two normalised strings; anything else takes the general path.
        if let same = NormalisedWords.equal(text, choice) { return same }
        return StageKey.normalised(text) == StageKey.normalised(choice)
    }
}

/// The bytes of `StageKey.normalised(text)` for ASCII text, produced one at a time: letters and digits lower-cased,
/// each run of other characters between two words as one separator (0), none at the ends.
struct NormalisedWords: IteratorProtocol {
    private var bytes: String.UTF8View.Iterator
    private var sawWord = false
    private var separatorPending = false
    private var buffered: UInt8?
    /// Set when a byte outside ASCII was met: the answer is then not this iterator's to give.
    private(set) var metNonASCII = false

    init(_ text: String) {
        bytes = text.utf8.makeIterator()
    }

    mutating func next() -> UInt8? {
        if let byte = buffered {
            buffered = nil
            return byte
        }
        while let byte = bytes.next() {
            guard byte < 0x80 else {
                metNonASCII = true
                return nil
            }
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            guard (97...122).contains(lower) || (48...57).contains(lower) else {
                separatorPending = true
                continue
            }
            defer { sawWord = true; separatorPending = false }
            if separatorPending && sawWord {
                buffered = lower
                return 0
            }
            return lower
        }
        return nil
    }

    /// Whether two ASCII texts normalise to the same words; nil when either is not ASCII.
    static func equal(_ left: String, _ right: String) -> Bool? {
        var one = NormalisedWords(left)
        var other = NormalisedWords(right)
        while true {
            let a = one.next()
            let b = other.next()
            if one.metNonASCII || other.metNonASCII { return nil }
            if a != b { return false }
            if a == nil { return true }
        }
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
