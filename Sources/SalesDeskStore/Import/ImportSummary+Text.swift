import Foundation

extension ImportSummary {
    /// One line a person reads after an import: `Import #3: 120 rows read, 100 imported, 5 merged, …`.
    public func headline(dryRun: Bool) -> String {
        "\(dryRun ? "Dry run (nothing written)" : "Import\(runID.map { " #\($0)" } ?? "")"): \(read) rows read, "
            + "\(imported) imported, \(merged) merged, \(skipped) skipped as duplicates, \(rejected) rejected."
    }
}
