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

    /// Digits after the decimal point, per ISO 4217: 0 for JPY, KRW and similar, 3 for BHD, KWD and similar, 2 otherwise.
    public var minorUnitDigits: Int {
        if Self.zeroDecimalCurrencies.contains(rawValue) { return 0 }
        return Self.threeDecimalCurrencies.contains(rawValue) ? 3 : 2
    }

    public static let usd = CurrencyCode(rawValue: "USD")!
    public static let eur = CurrencyCode(rawValue: "EUR")!

    /// ISO 4217 currencies with no minor unit.
    private static let zeroDecimalCurrencies: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    /// ISO 4217 currencies with three decimals.
    private static let threeDecimalCurrencies: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
}
