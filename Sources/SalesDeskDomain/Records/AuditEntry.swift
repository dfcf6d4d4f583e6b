import Foundation

/// One change to one field of one record, attributed to a user.
public struct AuditEntry: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var userID: Int64?
    public var at: Date
    public var record: RecordReference
    /// What happened (`create`, `move_stage`, `assign`, ...).
    public var action: String
    public var field: String?
    public var before: String?
    public var after: String?
    /// Who really ran the command when it acted as someone else: the admin's handle for `--as`, or
    /// `OS account NAME` for a `SALESDESK_USER` the file's owner chose. Nil when users acted as themselves.
    public var operatedBy: String?

    public init(
        id: Int64? = nil, userID: Int64?, at: Date, record: RecordReference, action: String,
        field: String? = nil, before: String? = nil, after: String? = nil, operatedBy: String? = nil
    ) {
        self.operatedBy = operatedBy
        self.id = id
        self.userID = userID
        self.at = at
        self.record = record
        self.action = action
        self.field = field
        self.before = before
        self.after = after
    }
}
