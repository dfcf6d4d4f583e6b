import Foundation

/// Which column fills which desk field: chosen from a known layout, adjusted by `--map field=Header`.
///
/// ```swift
/// let mapping = try HeaderMapping.detect(headers: ["First Name", "Last Name", "Email", "Contact owner"])
/// mapping.layout      // .hubspot
/// mapping.column(for: .email) // 2
/// ```
public struct HeaderMapping: Equatable, Sendable {
    /// The layout recognised, nil when only `--map` and generic names matched.
    public var layout: ImportLayout?
    /// Column index (0-based) for each mapped field; the first matching column wins.
    public private(set) var columns: [ImportField: Int]
    /// The file's headers, in order.
    public let headers: [String]

    /// Headers that fill no field, in file order.
    public var unmappedHeaders: [String] {
        let used = Set(columns.values)
        return headers.indices.filter { !used.contains($0) }.map { headers[$0] }
    }

    /// The column feeding `field`, if any.
    public func column(for field: ImportField) -> Int? { columns[field] }

    /// `Email ← "E-mail address"` lines, in field order, for printing the mapping chosen.
    public var descriptionLines: [String] {
        ImportField.allCases.compactMap { field in columns[field].map { "\(field.rawValue) ← \"\(headers[$0])\"" } }
    }

    /// Picks the layout matching most headers, then applies `overrides` (`field=Header` pairs).
    ///
    /// Throws ``DomainError/invalidField(field:reason:)`` for an unknown field or a header the file lacks,
    /// and when no column can give a lead a name, email or phone.
    public static func detect(headers: [String], overrides: [String] = []) throws(DomainError) -> HeaderMapping {
        let keys = headers.map(HeaderKey.init)
        var best: (layout: ImportLayout?, score: Int) = (nil, 0)
        for layout in ImportLayout.allCases {
            let known = Set(layout.headers.keys.map(HeaderKey.init))
            let matched = keys.filter(known.contains).count
            guard matched > 0 else { continue }
            let signature = layout.signature
            let score = matched * 2 + keys.filter(signature.contains).count * 3
            if score > best.score { best = (layout, score) }
        }
        var columns: [ImportField: Int] = [:]
        let table = (best.layout?.headers ?? [:]).reduce(into: [HeaderKey: ImportField]()) { $0[HeaderKey($1.key)] = $1.value }
        for (index, key) in keys.enumerated() {
            // Known layout first, then the desk's own field names for anything else.
            guard let field = table[key] ?? ImportField.parse(key.text) ?? genericNames[key] else { continue }
            if columns[field] == nil { columns[field] = index }
        }
        var mapping = HeaderMapping(layout: best.layout, columns: columns, headers: headers)
        for override in overrides { try mapping.apply(override, keys: keys) }
        let identifying: [ImportField] = [.name, .firstName, .lastName, .email, .phone]
        guard identifying.contains(where: { mapping.columns[$0] != nil }) else {
            throw DomainError.invalidField(field: "header", reason: "no column maps to a name, email or phone; use --map name=HEADER (headers: \(headers.joined(separator: ", ")))")
        }
        return mapping
    }

    private mutating func apply(_ override: String, keys: [HeaderKey]) throws(DomainError) {
        let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let field = ImportField.parse(parts[0]) else {
            throw DomainError.invalidField(field: "--map", reason: "'\(override)' is not field=Header; fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let header = parts[1].trimmingCharacters(in: .whitespaces)
        if header.isEmpty || header == "-" {
            columns[field] = nil
            return
        }
        guard let index = headers.firstIndex(of: header) ?? keys.firstIndex(of: HeaderKey(header)) else {
            throw DomainError.invalidField(field: "--map", reason: "the file has no column '\(header)'")
        }
        for (other, column) in columns where column == index { columns[other] = nil }
        columns[field] = index
    }

    /// Common names outside any layout.
    private static let genericNames: [HeaderKey: ImportField] = ([
        "Full Name": .name, "Contact": .name, "Contact Name": .name, "E-mail": .email, "Email Address": .email,
        "Mobile": .phone, "Telephone": .phone, "Phone Number": .phone, "Title": .jobTitle, "Organization": .company,
        "Organisation": .company, "Account": .company, "Account Name": .company, "Lead Source": .source,
        "Amount": .value, "Deal Value": .value, "Close Date": .expectedCloseDate,
    ] as [String: ImportField]).reduce(into: [:]) { $0[HeaderKey($1.key)] = $1.value }
}
