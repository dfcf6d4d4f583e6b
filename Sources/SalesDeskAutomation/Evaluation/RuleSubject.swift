import Foundation

/// A record as rules see it: its field values, owner facts and the texts merge fields fill in.
///
/// The store builds one from its rows; tests build one by hand.
public struct RuleSubject: Equatable, Sendable {
    public var kind: RecordKind
    public var id: Int64
    public var fields: [RuleField: FieldValue]
    /// The owner's team name, for `owner is in team` and the team's business calendar.
    public var ownerTeam: String?
    /// The owner's team's time zone (business time is counted in it).
    public var timeZoneID: String?
    public var isOnHold: Bool
    /// The last activity, stage move or note (for `no activity for`).
    public var lastTouchedAt: Date?
    /// This stage's stall threshold in days, for `its stall threshold`.
    public var stallDays: Int?
    /// Merge-field values: `lead.name` → `Acme — 40 seats`.
    public var mergeValues: [String: String]

    public init(kind: RecordKind, id: Int64, fields: [RuleField: FieldValue] = [:], ownerTeam: String? = nil, timeZoneID: String? = nil, isOnHold: Bool = false,
                lastTouchedAt: Date? = nil, stallDays: Int? = nil, mergeValues: [String: String] = [:]) {
        self.kind = kind
        self.id = id
        self.fields = fields
        self.ownerTeam = ownerTeam
        self.timeZoneID = timeZoneID
        self.isOnHold = isOnHold
        self.lastTouchedAt = lastTouchedAt
        self.stallDays = stallDays
        self.mergeValues = mergeValues
    }

    /// The subject of a firing that is about no record (a schedule, a finished import).
    public static func noRecord(_ mergeValues: [String: String] = [:]) -> RuleSubject {
        RuleSubject(kind: .account, id: 0, mergeValues: mergeValues)
    }

    /// Whether the subject is a record (not ``noRecord(_:)``).
    public var isRecord: Bool { id != 0 }

    /// `lead #12 Acme deal`, for run logs and dry runs.
    public var label: String {
        guard isRecord else { return "the desk" }
        let title = mergeValues["lead.name"] ?? mergeValues["ticket.subject"] ?? mergeValues["followup.subject"] ?? mergeValues["account.name"]
        return "\(kind.word) #\(id)" + (title.map { " \($0)" } ?? "")
    }
}

/// A field's value on a record.
public enum FieldValue: Equatable, Sendable {
    case text(String)
    case number(Double)
    /// One of a closed set: the stored key and the label users see (`demo_given` / `Demo Given`).
    case choice(key: String, label: String)
    /// The owner or assignee: handle and name.
    case person(handle: String, name: String)
    case list([String])
    /// The record has no value for the field.
    case missing

    /// Whether a rule's value names this value (case, spaces and punctuation ignored for keys and labels).
    func matches(_ value: RuleValue) -> Bool {
        switch (self, value) {
        case (.number(let number), _) where value.numberValue != nil: return number == value.numberValue
        case (_, .list(let items)): return items.contains { matches($0) }
        case (.text(let text), _): return text.compare(value.textValue, options: .caseInsensitive) == .orderedSame
        case (.choice(let key, let label), _):
            return RuleVocabulary.matches(value.textValue, key) || RuleVocabulary.matches(value.textValue, label)
        case (.person(let handle, let name), _):
            return [handle, name].contains { $0.compare(value.textValue, options: .caseInsensitive) == .orderedSame }
        case (.list(let items), _): return items.contains { $0.compare(value.textValue, options: .caseInsensitive) == .orderedSame }
        case (.number, _), (.missing, _): return false
        }
    }

    var isEmpty: Bool {
        switch self {
        case .missing: true
        case .text(let text): text.trimmingCharacters(in: .whitespaces).isEmpty
        case .list(let items): items.isEmpty
        case .number, .choice, .person: false
        }
    }

    var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The value as a user reads it.
    public var display: String {
        switch self {
        case .text(let text): text
        case .number(let number): RuleValue.format(number)
        case .choice(_, let label): label
        case .person(_, let name): name
        case .list(let items): items.joined(separator: ", ")
        case .missing: "—"
        }
    }
}
