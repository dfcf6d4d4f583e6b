import Foundation

/// A number of things said the way a person says it: `1 ticket`, `2 tickets`, `52,994 leads`.
///
/// The one home for plural-aware counts; the desk, the CLI and notification texts all use it.
///
/// ```swift
/// CountPhrase.of(1, "ticket")                      // "1 ticket"
/// CountPhrase.of(52_994, "lead")                   // "52,994 leads"
/// CountPhrase.of(3, "SLA breach", plural: "SLA breaches")
/// ```
public enum CountPhrase {
    /// `count` with thousands separators and the noun in the singular for exactly one, else the plural
    /// (`noun + "s"` unless given).
    public static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? noun : (plural ?? noun + "s"))"
    }

    /// Just the noun for `count`: `ticket` or `tickets`.
    public static func noun(for count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? noun : (plural ?? noun + "s")
    }

    /// An integer with thousands separators: `1234567` → `1,234,567`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (number < 0 ? "-" : "") + String(result.reversed())
    }
}
