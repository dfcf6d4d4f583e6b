import Foundation

/// Normalises phone numbers to E.164 (`+4915112345678`) where they parse.
public enum PhoneNumber {
    private static let allowedBytes = Set("0123456789+-()./ ".utf8)

    /// `+49 151 1234-5678` → `+4915112345678`; `(555) 010-2030` with default `+1` → `+15550102030`;
    /// `0049 151…` → `+49151…`. Returns nil when the text is not a phone number (letters, too few or too many digits).
    public static func e164(_ text: String, defaultCountryCode: String = "+1") -> String? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.utf8.allSatisfy({ allowedBytes.contains($0) }) else { return nil }
        var digits = trimmed.filter(\.isASCIIDigit)
        let international: Bool
        if trimmed.hasPrefix("+") {
            international = true
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        } else {
            international = false
        }
        if !international {
            if digits.hasPrefix("0") { digits.removeFirst() }
            digits = defaultCountryCode.filter(\.isASCIIDigit) + digits
        }
        guard (8...15).contains(digits.count) else { return nil }
        return "+" + digits
    }
}
