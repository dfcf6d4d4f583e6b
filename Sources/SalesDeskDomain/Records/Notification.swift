import Foundation

/// Something the desk tells a user: a reminder, a nudge, an escalation, an SLA warning, ...
public struct Notification: Codable, Equatable, Sendable, Identifiable {
    /// What kind of event the notification reports.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case reminder, stallNudge = "stall_nudge", escalation, assignment
        case slaWarning = "sla_warning", slaBreach = "sla_breach", scoreJump = "score_jump"
        case won, digest, importSummary = "import_summary", untriaged, overdue
        /// Sent by an automation rule's `notify` action.
        case automation
        /// A scheduled daily or weekly report digest (Docs/REPORTS.md).
        case reportDigest = "report_digest"
    }

    public var id: Int64?
    public var userID: Int64
    public var kind: Kind
    public var record: RecordReference?
    public var title: String
    public var body: String
    public var createdAt: Date
    public var readAt: Date?
    public var acknowledgedAt: Date?
    public var snoozedUntil: Date?

    public init(
        id: Int64? = nil, userID: Int64, kind: Kind, record: RecordReference?, title: String, body: String = "",
        createdAt: Date, readAt: Date? = nil, acknowledgedAt: Date? = nil, snoozedUntil: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.record = record
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.readAt = readAt
        self.acknowledgedAt = acknowledgedAt
        self.snoozedUntil = snoozedUntil
    }
}
