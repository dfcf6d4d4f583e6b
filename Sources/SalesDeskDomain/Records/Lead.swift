import Foundation

/// A deal in the pipeline: a contact at an account, owned by a rep, sitting in a stage.
public struct Lead: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var contactID: Int64
    public var accountID: Int64?
    /// The deal's name (`Acme — 40 seats`).
    public var title: String
    public var source: LeadSource
    /// The referring partner's name, for partner referrals.
    public var partner: String?
    public var ownerID: Int64
    public var stage: StageKey
    public var value: Money
    public var expectedCloseDate: Date?
    /// 0–100; see ``band``.
    public var score: Int
    public var tags: [String]
    public var stageEnteredAt: Date
    public var lastActivityAt: Date?
    /// Set while Lost; kept (not cleared) in history when reactivated.
    public var lossReason: LossReason?
    public var isOnHold: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// The deal's id in the system it was imported from, if any.
    public var externalID: String?

    public init(
        id: Int64? = nil, contactID: Int64, accountID: Int64?, title: String, source: LeadSource,
        partner: String? = nil, ownerID: Int64, stage: StageKey = .open, value: Money,
        expectedCloseDate: Date? = nil, score: Int = 0, tags: [String] = [], stageEnteredAt: Date,
        lastActivityAt: Date? = nil, lossReason: LossReason? = nil, isOnHold: Bool = false,
        createdAt: Date, updatedAt: Date? = nil, externalID: String? = nil
    ) {
        self.externalID = externalID
        self.id = id
        self.contactID = contactID
        self.accountID = accountID
        self.title = title
        self.source = source
        self.partner = partner
        self.ownerID = ownerID
        self.stage = stage
        self.value = value
        self.expectedCloseDate = expectedCloseDate
        self.score = score
        self.tags = tags
        self.stageEnteredAt = stageEnteredAt
        self.lastActivityAt = lastActivityAt
        self.lossReason = lossReason
        self.isOnHold = isOnHold
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Hot, warm or cold, from the score.
    public var band: ScoreBand { ScoreBand(score: score) }

    /// When the stall clock started: the later of entering the stage and the last activity.
    public var lastTouchedAt: Date { max(stageEnteredAt, lastActivityAt ?? stageEnteredAt) }
}
