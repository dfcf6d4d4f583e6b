import Foundation

/// Amounts in several currencies (a board column, a report row), written for people: never added
/// across currencies, and never an unexplained `+2cur`.
///
/// ```swift
/// let totals = MoneyTotals([usd, eur, gbp])
/// totals.summary   // "5,623.9M USD and 2 other currencies"
/// totals.full      // "5,623.9M USD, 612.3M EUR and 301.2M GBP"
/// ```
public struct MoneyTotals: Equatable, Sendable {
    /// The amounts, one per currency, largest first.
    public let amounts: [Money]

    /// Combines `amounts` per currency and orders them largest first (by minor units).
    public init(_ amounts: [Money]) {
        var byCurrency: [CurrencyCode: Int64] = [:]
        for money in amounts { byCurrency[money.currency, default: 0] += money.minorUnits }
        self.amounts = byCurrency.map { Money(minorUnits: $0.value, currency: $0.key) }
            .sorted { ($0.minorUnits, $1.currency.rawValue) > ($1.minorUnits, $0.currency.rawValue) }
    }

    /// The largest amount and how many other currencies there are: `5,623.9M USD and 2 other currencies`;
    /// `0` when empty.
    public var summary: String {
        guard let first = amounts.first else { return "0" }
        let others = amounts.count - 1
        return others == 0 ? first.compactDescription
            : "\(first.compactDescription) and \(CountPhrase.of(others, "other currency", plural: "other currencies"))"
    }

    /// Every currency's amount: `5,623.9M USD, 612.3M EUR and 301.2M GBP`; `0` when empty.
    public var full: String {
        let parts = amounts.map(\.compactDescription)
        guard let last = parts.last else { return "0" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
