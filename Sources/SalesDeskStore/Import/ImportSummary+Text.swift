import Foundation
import SalesDeskDomain

extension ImportSummary {
    /// One line a person reads after an import: `Import #3: 120 rows read, 100 imported, 5 merged, …`.
    public func headline(dryRun: Bool) -> String {
        "\(dryRun ? "Dry run (nothing written)" : "Import\(runID.map { " #\($0)" } ?? "")"): \(CountPhrase.of(read, "row")) read, "
            + "\(CountPhrase.grouped(imported)) imported, \(CountPhrase.grouped(merged)) merged, "
            + "\(CountPhrase.grouped(skipped)) skipped as duplicates, \(CountPhrase.grouped(rejected)) rejected."
    }
}
