import Foundation

/// Something that happened to a record, as rules see it: read from the event log (the audit trail of writes).
public struct RuleEvent: Equatable, Sendable {
    /// What happened.
    public enum Change: Equatable, Sendable {
        case created
        /// A field changed; before and after as stored (keys for stages, handles for owners) or as displayed.
        case fieldChanged(RuleField, from: String?, to: String?)
        case followUpCompleted
        case importFinished
        case sla(SLAState)
    }

    /// The event's number in the log (`event #N`).
    public var id: Int64
    public var change: Change
    public var record: RecordKind
    public var recordID: Int64
    public var at: Date
    /// How many rule firings led to this event (0: a person's write).
    public var depth: Int

    public init(id: Int64, change: Change, record: RecordKind, recordID: Int64, at: Date, depth: Int = 0) {
        self.id = id
        self.change = change
        self.record = record
        self.recordID = recordID
        self.at = at
        self.depth = depth
    }

    /// `lead #7: stage changed from Connected to Demo Given`.
    public var summary: String {
        let what: String
        switch change {
        case .created: what = "created"
        case .fieldChanged(let field, let from, let to): what = "\(field.rawValue) changed from \(from ?? "—") to \(to ?? "—")"
        case .followUpCompleted: what = "completed"
        case .importFinished: what = "import finished"
        case .sla(let state): what = "SLA \(state.rawValue)"
        }
        return "\(record.word) #\(recordID): \(what)"
    }
}

extension Trigger {
    /// Whether this (event-driven) trigger fires for `event`; time triggers never match events.
    public func matches(_ event: RuleEvent) -> Bool {
        switch (self, event.change) {
        case (.created(let kind), .created): return kind == event.record
        case (.fieldChanges(let kind, let field, let from, let to), .fieldChanged(let changed, let before, let after)):
            guard kind == event.record, field == changed, before != after else { return false }
            return Self.names(from, before) && Self.names(to, after)
        case (.scoreCrosses(let threshold), .fieldChanged(.score, let before, let after)):
            guard event.record == .lead, let after = after.flatMap(Double.init) else { return false }
            let was = before.flatMap(Double.init) ?? -1
            return was < Double(threshold) && after >= Double(threshold)
        case (.followUpCompleted, .followUpCompleted): return event.record == .followUp
        case (.importFinishes, .importFinished): return true
        case (.ticketSLA(let state), .sla(let happened)): return state == happened && event.record == .ticket
        default: return false
        }
    }

    /// Whether a stored value (a key, label or handle) is the rule's `from` / `to` value; no value names anything.
    public static func names(_ value: RuleValue?, _ stored: String?) -> Bool {
        guard let value else { return true }
        guard let stored else { return false }
        if case .list(let items) = value { return items.contains { names($0, stored) } }
        return RuleVocabulary.matches(value.textValue, stored)
    }
}
