import Foundation

/// An amount in integer minor units (cents) of one currency. Never a floating point value.
public struct Money: Codable, Hashable, Sendable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero of a currency.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The largest amount the desk accepts from text: 10^15 minor units (10 trillion dollars), so that
    /// totals of thousands of such amounts still fit in 64 bits.
    public static let maximumMinorUnits: Int64 = 1_000_000_000_000_000

    /// Parses user text such as `12,500.50`, `12500`, `1 200,5` is refused (ambiguous separators are not guessed).
    ///
    /// ```swift
    /// Money.parse("12,500.50", currency: .usd) // 1_250_050 cents
    /// ```
    public static func parse(_ text: String, currency: CurrencyCode) throws(DomainError) -> Money {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        let digits = currency.minorUnitDigits
        guard !cleaned.isEmpty, parts.count <= 2,
              let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0
        else { throw DomainError.invalidMoney(text) }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let fractionText = String(parts[1])
            guard fractionText.allSatisfy(\.isASCIIDigit) else { throw DomainError.invalidMoney(text) }
            let kept = String(fractionText.prefix(digits))
            fraction = Int64(kept.padding(toLength: digits, withPad: "0", startingAt: 0)) ?? 0
            if fractionText.count > digits {
                // Spreadsheet noise (`99.98999999999999`) rounds to the nearest minor unit; a real
                // sub-unit amount (`12.345` USD) is refused with the currency's decimals named.
                let rest = fractionText.dropFirst(digits)
                guard let roundsUp = noiseRoundsUp(rest) else {
                    throw DomainError.invalidField(field: "amount", reason: """
                        has \(fractionText.count) decimals; \(currency) has \(digits) (ISO 4217)
                        """)
                }
                if roundsUp { fraction += 1 }
            }
        }
        let scale = Int64(Self.pow10(digits))
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        let (total, overflowAdding) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !overflowAdding, total <= maximumMinorUnits else {
            throw DomainError.invalidField(field: "amount", reason: "is over the largest amount the desk stores (\(Money(minorUnits: maximumMinorUnits, currency: currency).formattedAmount))")
        }
        return Money(minorUnits: total, currency: currency)
    }

    /// The largest distance from a whole minor unit still read as floating-point noise: a thousandth of a minor unit.
    static let noiseDigits = 3

    /// Digits past the currency's decimals, as a fraction of one minor unit: nil when they are a real
    /// amount (farther than ``noiseDigits`` allows from a whole minor unit), else whether they round up.
    private static func noiseRoundsUp(_ rest: Substring) -> Bool? {
        let lead = rest.prefix(noiseDigits)
        if lead.allSatisfy({ $0 == "0" }) { return false }
        if lead.allSatisfy({ $0 == "9" }) { return true }
        return nil
    }

    /// `12,500.50 USD`
    public var description: String { "\(formattedAmount) \(currency)" }

    /// The amount with thousands separators and the currency's decimals, no code.
    public var formattedAmount: String {
        let digits = currency.minorUnitDigits
        let scale = Int64(Self.pow10(digits))
        let negative = minorUnits < 0
        let absolute = minorUnits.magnitude
        let whole = absolute / UInt64(scale)
        let fraction = absolute % UInt64(scale)
        var text = CountPhrase.grouped(Int(whole))
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return negative ? "-" + text : text
    }

    /// A short form for narrow columns, with thousands separators: `12.5k`, `1.2M`, `5,623.9M`, `950`.
    public var compactAmount: String {
        let units = Double(minorUnits) / Self.pow10(currency.minorUnitDigits)
        switch abs(units) {
        case 1_000_000...: return trimmed(units / 1_000_000) + "M"
        case 1_000...: return trimmed(units / 1_000) + "k"
        default: return String(Int64(units))
        }
    }

    /// The short form with its currency: `5,623.9M USD`.
    public var compactDescription: String { "\(compactAmount) \(currency)" }

    /// One decimal at most, grouped: `5623.94` → `5,623.9`, `12.0` → `12`.
    private func trimmed(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let whole = CountPhrase.grouped(Int(tenths / 10))
        let fraction = (tenths % 10).magnitude
        return (tenths < 0 && tenths > -10 ? "-" : "") + whole + (fraction == 0 ? "" : ".\(fraction)")
    }

    private static func pow10(_ digits: Int) -> Double {
        (0..<digits).reduce(1.0) { result, _ in result * 10 }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
