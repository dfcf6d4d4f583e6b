import Foundation

/// A lead that was won or lost in the period, as the win/loss, sources and scorecard reports read it.
public struct ClosedDeal: Codable, Equatable, Sendable {
    public var leadID: Int64
    public var won: Bool
    public var value: Money
    public var ownerID: Int64
    public var ownerName: String
    public var source: LeadSource
    /// For a lost deal: why.
    public var lossReason: LossReason?
    /// For a lost deal: the open stage it was in when it was lost.
    public var lostFrom: StageKey?
    public var closedAt: Date
    /// When the lead was created (its sales cycle is `closedAt − createdAt`).
    public var createdAt: Date

    public init(leadID: Int64, won: Bool, value: Money, ownerID: Int64, ownerName: String, source: LeadSource,
                lossReason: LossReason? = nil, lostFrom: StageKey? = nil, closedAt: Date, createdAt: Date) {
        self.leadID = leadID
        self.won = won
        self.value = value
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.source = source
        self.lossReason = lossReason
        self.lostFrom = lostFrom
        self.closedAt = closedAt
        self.createdAt = createdAt
    }
}
