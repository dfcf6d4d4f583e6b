import Foundation

/// Checks applied to every field that comes from outside (forms, CLI, imports).
public enum FieldRules {
    /// Longest accepted name, subject or title, in characters.
    public static let maxNameLength = 200
    /// Longest accepted free text (notes, descriptions, comments), in characters.
    public static let maxTextLength = 20_000

    /// Trims a required short field and checks its length.
    public static func requiredName(_ value: String, field: String) throws(DomainError) -> String {
        let trimmed = value.trimmed
        guard !trimmed.isEmpty else { throw DomainError.invalidField(field: field, reason: "is required") }
        return try limited(trimmed, field: field, max: maxNameLength)
    }

    /// Trims an optional short field: blank becomes nil.
    public static func optionalName(_ value: String?, field: String) throws(DomainError) -> String? {
        guard let trimmed = value?.trimmed, !trimmed.isEmpty else { return nil }
        return try limited(trimmed, field: field, max: maxNameLength)
    }

    /// Checks free text's length.
    public static func text(_ value: String, field: String) throws(DomainError) -> String {
        try limited(value, field: field, max: maxTextLength)
    }

    /// Validates an email's shape (`local@domain.tld`, no spaces); blank becomes nil.
    public static func email(_ value: String?) throws(DomainError) -> String? {
        guard let trimmed = value?.trimmed, !trimmed.isEmpty else { return nil }
        if let valid = asciiEmailIsValid(trimmed) {
            guard valid else { throw DomainError.invalidField(field: "email", reason: "'\(trimmed)' is not a valid email address") }
            return trimmed
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
            && !trimmed.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
            && trimmed.count <= 254
        guard valid else { throw DomainError.invalidField(field: "email", reason: "'\(trimmed)' is not a valid email address") }
        return trimmed
    }

    /// The same checks as ``email(_:)`` on ASCII text, byte by byte; nil for other text.
    private static func asciiEmailIsValid(_ text: String) -> Bool? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let domain = bytes[(at + 1)...]
        let dot = UInt8(ascii: ".")
        guard !domain.contains(UInt8(ascii: "@")), domain.contains(dot), domain.first != dot, domain.last != dot else { return false }
        guard !zip(domain, domain.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        // Whitespace and newlines (tab…carriage return, space), and the list separators.
        return !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";")
            || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
    }

    private static func limited(_ value: String, field: String, max: Int) throws(DomainError) -> String {
        guard value.count <= max else {
            throw DomainError.invalidField(field: field, reason: "is \(value.count) characters long; the limit is \(max)")
        }
        return value
    }
}
