/// A country's telephone numbering: its calling code and how its national numbers are written.
///
/// Imports read national numbers (`0151 1234 5678`, `(415) 555-0108`) in a default region: the row's
/// country when the file has one, else the import's `--phone-region`, else the region of the config's
/// `default_country_code`.
public struct PhoneRegion: Equatable, Sendable {
    /// ISO 3166 alpha-2 code (`DE`), or `NANP` for the North American plan shared by US, CA and others.
    public let code: String
    /// Calling code digits (`49`).
    public let callingCode: String
    /// The national trunk prefix (`0`), nil where national numbers carry none (NANP uses `1`).
    public let trunkPrefix: String?

    /// The North American Numbering Plan: ten national digits, optionally after a trunk `1`.
    public static let nanp = PhoneRegion(code: "NANP", callingCode: "1", trunkPrefix: "1")

    /// Regions the desk knows, by ISO code.
    static let known: [String: PhoneRegion] = {
        var table: [String: PhoneRegion] = ["US": .nanp, "CA": .nanp]
        let trunkZero: [(String, String)] = [
            ("GB", "44"), ("DE", "49"), ("FR", "33"), ("NL", "31"), ("BE", "32"), ("CH", "41"), ("AT", "43"), ("IE", "353"),
            ("SE", "46"), ("FI", "358"), ("AU", "61"), ("NZ", "64"), ("JP", "81"), ("IN", "91"), ("BR", "55"), ("ZA", "27"),
            ("PT", "351"), ("PL", "48"), ("TR", "90"), ("IL", "972"), ("KR", "82"), ("CN", "86"), ("AR", "54"), ("MX", "52"),
        ]
        for (code, calling) in trunkZero { table[code] = PhoneRegion(code: code, callingCode: calling, trunkPrefix: "0") }
        // National numbers written without a trunk prefix (Italy keeps its leading 0 in international form).
        for (code, calling) in [("IT", "39"), ("ES", "34"), ("DK", "45"), ("NO", "47"), ("SG", "65"), ("LU", "352")] {
            table[code] = PhoneRegion(code: code, callingCode: calling, trunkPrefix: nil)
        }
        return table
    }()

    /// Country names as CRMs write them, for the row's country column.
    private static let names: [String: String] = [
        "unitedstates": "US", "usa": "US", "unitedstatesofamerica": "US", "canada": "CA", "unitedkingdom": "GB", "uk": "GB",
        "greatbritain": "GB", "england": "GB", "germany": "DE", "deutschland": "DE", "france": "FR", "netherlands": "NL",
        "belgium": "BE", "switzerland": "CH", "austria": "AT", "ireland": "IE", "sweden": "SE", "finland": "FI",
        "australia": "AU", "newzealand": "NZ", "japan": "JP", "india": "IN", "brazil": "BR", "southafrica": "ZA",
        "portugal": "PT", "poland": "PL", "turkey": "TR", "israel": "IL", "southkorea": "KR", "china": "CN",
        "argentina": "AR", "mexico": "MX", "italy": "IT", "spain": "ES", "denmark": "DK", "norway": "NO",
        "singapore": "SG", "luxembourg": "LU",
    ]

    /// The region a country cell (`DE`, `Germany`, `United States`) or a `--phone-region` names, nil when unknown.
    public static func named(_ text: String) -> PhoneRegion? {
        let key = HeaderKey(text).text
        if key == "nanp" { return .nanp }
        return known[key.uppercased()] ?? names[key].flatMap { known[$0] }
    }

    /// The region whose calling code is `code` (`+44`); NANP for `+1`; a region without national rules otherwise.
    public static func callingCode(_ code: String) -> PhoneRegion {
        let digits = code.filter(\.isASCIIDigit)
        if digits == "1" { return .nanp }
        return known.values.sorted { $0.code < $1.code }.first { $0.callingCode == digits }
            ?? PhoneRegion(code: "+" + digits, callingCode: digits, trunkPrefix: "0")
    }
}

/// What an imported phone cell became.
public enum ImportedPhone: Equatable, Sendable {
    /// Normalised with confidence.
    case e164(String)
    /// Kept as written: it could not be normalised without guessing (the row is flagged).
    case asWritten(String)

    /// The value stored on the contact.
    public var stored: String {
        switch self {
        case .e164(let number), .asWritten(let number): number
        }
    }
}

extension PhoneNumber {
    /// Reads a phone cell: international numbers (`+`, `00`) as written, dropping a trunk `(0)` after the
    /// country code; national numbers by `region`'s rules. Never invents a country code: a number that
    /// fits neither (`4402079460958` in a US file, Excel having dropped the `+`) is kept as written.
    /// Nil when the text is not a phone number at all (letters, under seven digits).
    public static func imported(_ text: String, region: PhoneRegion) -> ImportedPhone? {
        let trimmed = text.trimmed
        guard trimmed.utf8.allSatisfy({ importBytes.contains($0) }) else { return nil }
        let written = trimmed.replacingOccurrences(of: "(0)", with: "")
        var digits = written.filter(\.isASCIIDigit)
        guard digits.count >= 7 else { return nil }
        let keep = ImportedPhone.asWritten(trimmed)
        if written.hasPrefix("+") || digits.hasPrefix("00") {
            if !written.hasPrefix("+") { digits.removeFirst(2) }
            return (8...15).contains(digits.count) ? .e164("+" + digits) : keep
        }
        if region == .nanp {
            if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
            return digits.count == 10 && !digits.hasPrefix("0") && !digits.hasPrefix("1") ? .e164("+1" + digits) : keep
        }
        if let trunk = region.trunkPrefix {
            guard digits.hasPrefix(trunk), !digits.hasPrefix(trunk + trunk) else { return keep }
            digits.removeFirst(trunk.count)
        }
        let full = region.callingCode + digits
        return (8...15).contains(full.count) ? .e164("+" + full) : keep
    }

    private static let importBytes = Set("0123456789+-()./ ".utf8)
}
