import Foundation

/// An ISO 4217 currency code: three upper-case ASCII letters (`USD`, `EUR`, `JPY`).
public struct CurrencyCode: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts `usd`, ` EUR ` and the like; nil when the text is not three letters.
    public init?(rawValue: String) {
        let code = rawValue.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        self.rawValue = code
    }

    public var description: String { rawValue }

    /// Digits after the decimal point (0 for JPY, KRW and similar; 2 otherwise).
    public var minorUnitDigits: Int {
        Self.zeroDecimalCurrencies.contains(rawValue) ? 0 : 2
    }

    public static let usd = CurrencyCode(rawValue: "USD")!
    public static let eur = CurrencyCode(rawValue: "EUR")!

    private static let zeroDecimalCurrencies: Set<String> = ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF"]
}
