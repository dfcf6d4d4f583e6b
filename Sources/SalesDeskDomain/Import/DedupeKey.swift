import Foundation

/// The keys that say two contacts are the same person.
///
/// Exact duplicates share a normalised email or phone; a *possible* duplicate shares the fuzzy
/// name + company key (same words in any order, case, accents, punctuation and legal suffixes ignored).
public enum DedupeKey {
    /// `  Ana@Example.COM ` → `ana@example.com`.
    public static func email(_ email: String) -> String {
        if let key = asciiEmail(email) { return key }
        return email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// ASCII fast path of ``email(_:)``: trims tab…carriage return and space, lower-cases A–Z. Nil for non-ASCII text.
    private static func asciiEmail(_ email: String) -> String? {
        var bytes = Array(email.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if start > 0 || end < bytes.count - 1 { bytes = Array(bytes[start...end]) }
        for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `Ana Silva`, `Acme GmbH` → `ana silva|acme`; `SILVA, Ana`, `ACME` gives the same key. Nil without a name.
    public static func nameAndCompany(name: String, company: String?) -> String? {
        let nameWords = words(name).sorted()
        guard !nameWords.isEmpty else { return nil }
        let companyWords = words(company ?? "").filter { !legalSuffixes.contains($0) }
        return nameWords.joined(separator: " ") + "|" + companyWords.joined(separator: " ")
    }

    private static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII fast path: no accents to fold; words are runs of letters and digits, lower-cased.
            var words: [String] = []
            var word: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: word.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                default:
                    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }

    private static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "srl", "bv", "nv", "plc", "corp",
        "corporation", "co", "company", "oy", "ab", "as", "kg", "pty", "spa",
    ]
}
