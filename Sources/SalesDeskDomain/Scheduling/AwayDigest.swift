import Foundation

/// What a user missed while no scheduler ran, coalesced into one notification
/// ("While you were away: 14 reminders, 3 stalled leads").
public struct AwayDigest: Equatable, Sendable {
    /// Missed items per notification kind.
    public private(set) var counts: [Notification.Kind: Int] = [:]
    /// The first few missed titles, for the body.
    public private(set) var examples: [String] = []
    /// Every missed item, in the order found: what the inbox lists (and opens) under the digest.
    public private(set) var items: [Item] = []

    /// One missed item: its kind, the record it is about and its title.
    public struct Item: Equatable, Sendable {
        public var kind: Notification.Kind
        public var record: RecordReference?
        public var title: String

        public init(kind: Notification.Kind, record: RecordReference?, title: String) {
            self.kind = kind
            self.record = record
            self.title = title
        }
    }

    public init() {}

    /// Whether nothing was missed.
    public var isEmpty: Bool { counts.isEmpty }

    /// Adds one missed item.
    public mutating func add(_ kind: Notification.Kind, title: String, record: RecordReference? = nil) {
        counts[kind, default: 0] += 1
        if examples.count < Self.exampleLimit { examples.append(title) }
        items.append(Item(kind: kind, record: record, title: title))
    }

    /// `While you were away: 14 reminders, 3 stalled leads`.
    public var title: String {
        let parts = Self.order.compactMap { kind -> String? in
            guard let count = counts[kind] else { return nil }
            let (one, many) = Self.nouns(kind)
            return CountPhrase.of(count, one, plural: many)
        }
        return "While you were away: " + parts.joined(separator: ", ")
    }

    /// The first missed titles, one a line, and how many more there were.
    public var body: String {
        let total = counts.values.reduce(0, +)
        let more = total - examples.count
        return (examples + (more > 0 ? ["… and \(more) more"] : [])).joined(separator: "\n")
    }

    static let exampleLimit = 5
    private static let order: [Notification.Kind] = [.reminder, .stallNudge, .escalation, .overdue, .slaWarning, .slaBreach, .untriaged, .automation]

    private static func nouns(_ kind: Notification.Kind) -> (String, String) {
        switch kind {
        case .reminder: ("reminder", "reminders")
        case .stallNudge: ("stalled lead", "stalled leads")
        case .escalation: ("escalated lead", "escalated leads")
        case .overdue: ("overdue follow-up", "overdue follow-ups")
        case .slaWarning: ("SLA warning", "SLA warnings")
        case .slaBreach: ("SLA breach", "SLA breaches")
        case .untriaged: ("untriaged ticket", "untriaged tickets")
        case .automation: ("rule notification", "rule notifications")
        default: ("notification", "notifications")
        }
    }
}
