/// A literal value in a rule: a quoted text, a bare word (a key such as `partner_referral`), a number,
/// an amount of money, or a parenthesised list of values.
public indirect enum RuleValue: Equatable, Codable, Sendable {
    case text(String)
    case word(String)
    case number(Double)
    /// An amount in major units with its currency code (`10,000 EUR`).
    case money(Double, currency: String)
    case list([RuleValue])

    /// The value as text for comparisons with choices (stages, sources) and for messages.
    public var textValue: String {
        switch self {
        case .text(let text), .word(let text): text
        case .number(let number): RuleValue.format(number)
        case .money(let amount, let currency): "\(RuleValue.format(amount)) \(currency)"
        case .list(let values): values.map(\.textValue).joined(separator: ", ")
        }
    }

    /// The value as a number, if it is one.
    public var numberValue: Double? {
        switch self {
        case .number(let number), .money(let number, _): number
        case .text(let text), .word(let text): Double(text)
        case .list: nil
        }
    }

    /// `10000`, `12.5` — whole numbers print without a fraction.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
