import Foundation

/// What pipeline velocity needs of the deals won or lost in a window: how many, how many won, the won deals' value in
/// the report's currency, and each won deal's sales cycle (closed − created) in seconds.
public struct ClosedDealTotals: Codable, Equatable, Sendable {
    public var deals: Int
    public var won: Int
    /// Won deals in the report's currency, and their summed value in minor units.
    public var wonInCurrency: Int
    public var wonValueMinor: Int64
    public var wonCycleSeconds: [Int64]

    public init(deals: Int, won: Int, wonInCurrency: Int, wonValueMinor: Int64, wonCycleSeconds: [Int64]) {
        self.deals = deals
        self.won = won
        self.wonInCurrency = wonInCurrency
        self.wonValueMinor = wonValueMinor
        self.wonCycleSeconds = wonCycleSeconds
    }

    /// The totals of these deals, values counted in `currency`.
    public init(_ closed: [ClosedDeal], currency: CurrencyCode) {
        let won = closed.filter(\.won)
        let wonHere = won.filter { $0.value.currency == currency }
        self.init(deals: closed.count, won: won.count, wonInCurrency: wonHere.count, wonValueMinor: wonHere.reduce(0) { $0 + $1.value.minorUnits },
                  wonCycleSeconds: won.map { Int64($0.closedAt.timeIntervalSince($0.createdAt).rounded()) })
    }
}
