import Foundation

/// The keys that say two contacts are the same person.
///
/// Exact duplicates share a normalised email or phone; a *possible* duplicate shares the fuzzy
/// name + company key (same words in any order, case, accents, punctuation and legal suffixes ignored).
public enum DedupeKey {
    /// `  Ana@Example.COM ` → `ana@example.com`.
    public static func email(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
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
            // ASCII fast path: no accents to fold.
            return text.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
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
