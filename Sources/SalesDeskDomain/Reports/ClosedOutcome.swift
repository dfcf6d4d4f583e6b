import Foundation

/// What pipeline velocity needs of a deal won or lost: the outcome, the value and the sales cycle's ends.
public struct ClosedOutcome: Codable, Equatable, Sendable {
    public var won: Bool
    public var value: Money
    public var closedAt: Date
    public var createdAt: Date

    public init(won: Bool, value: Money, closedAt: Date, createdAt: Date) {
        self.won = won
        self.value = value
        self.closedAt = closedAt
        self.createdAt = createdAt
    }

    public init(_ deal: ClosedDeal) {
        self.init(won: deal.won, value: deal.value, closedAt: deal.closedAt, createdAt: deal.createdAt)
    }
}
