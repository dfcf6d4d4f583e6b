import Foundation
import SalesDeskDomain

extension ImportSummary {
    /// One line a person reads after an import: `Import #3: 120 rows read, 100 imported, 5 merged, …`;
    /// a dry run says what *would* happen.
    public func headline(dryRun: Bool) -> String {
        if dryRun {
            return "Dry run (nothing written): \(CountPhrase.of(read, "row")) read; \(CountPhrase.grouped(imported)) would be imported, "
                + "\(CountPhrase.grouped(merged)) merged, \(CountPhrase.grouped(skipped)) skipped as duplicates, \(CountPhrase.grouped(rejected)) rejected."
        }
        return "Import\(runID.map { " #\($0)" } ?? ""): \(CountPhrase.of(read, "row")) read, "
            + "\(CountPhrase.grouped(imported)) imported, \(CountPhrase.grouped(merged)) merged, "
            + "\(CountPhrase.grouped(skipped)) skipped as duplicates, \(CountPhrase.grouped(rejected)) rejected."
    }

    /// The lines under the headline: resumed rows, possible duplicates, fix-ups, blank rows, owners, unknown
    /// owners, the first rejection reasons and where the full list is (`rejectsPath`, or how to get one).
    public func details(dryRun: Bool, rejectsPath: String?) -> [String] {
        let would = dryRun ? "would be " : ""
        var lines: [String] = []
        if resumedRows > 0 { lines.append("  \(resumedRows) of the skipped rows were committed by the interrupted run this one resumed.") }
        if possibleDuplicates > 0 {
            lines.append("  \(possibleDuplicates) possible \(possibleDuplicates == 1 ? "duplicate" : "duplicates") (same name and company) \(would)imported with the tag possible-duplicate.")
        }
        if flagged > 0 {
            lines.append("  \(flagged) \(Self.rows(flagged)) \(would)imported with fix-ups (unknown source or stage defaulted, control characters removed, phone kept as written).")
        }
        if blankRows > 0 { lines.append("  \(blankRows) blank \(Self.rows(blankRows)) ignored.") }
        if !perOwner.isEmpty {
            lines.append("  Owners: " + perOwner.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for (name, count) in unknownOwners.sorted(by: { $0.key < $1.key }) {
            lines.append("  Owner '\(name)' is not a desk user: \(count) \(count == 1 ? "lead" : "leads") \(dryRun ? "would go" : "went") to \(fallbackOwner) (see --owner-fallback).")
        }
        if rejected > 0 {
            lines.append("  First rejected rows:")
            lines += firstRejections.map { "    \($0.description)" }
            lines.append(rejectsPath.map { "  All rejected rows are listed in \($0)." } ?? "  Pass --rejects FILE to list all rejected rows.")
        }
        return lines
    }

    private static func rows(_ count: Int) -> String { count == 1 ? "row" : "rows" }
}
