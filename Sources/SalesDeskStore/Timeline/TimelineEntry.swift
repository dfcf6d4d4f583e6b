import Foundation

/// One event of a record's history, ready to show: when, who, and a sentence in the user's words
/// (`Moved from Connected to Demo Scheduled`), with names as they were at the time.
public struct TimelineEntry: Sendable, Equatable {
    /// What kind of event it is, for the desk's styling.
    public enum Kind: Sendable, Equatable {
        /// The record was created (lead captured, ticket opened).
        case created
        /// A field, stage, status or owner changed.
        case change
        /// A follow-up was completed, logged, rescheduled or cancelled.
        case work
        /// A reply the customer sees.
        case customerReply
        /// An internal note on a ticket.
        case internalNote
        /// Something the desk itself recorded (a missed target).
        case system
    }

    public var at: Date
    /// The name of the person who did it; nil when the desk or an import did.
    public var actor: String?
    public var sentence: String
    public var kind: Kind

    public init(at: Date, actor: String?, sentence: String, kind: Kind) {
        self.at = at
        self.actor = actor
        self.sentence = sentence
        self.kind = kind
    }
}
