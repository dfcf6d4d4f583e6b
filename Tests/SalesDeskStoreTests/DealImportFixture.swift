import Foundation
import SalesDeskTesting
@testable import SalesDeskStore

extension DeskFixture {
    /// Imports `rows` (Pipedrive deal columns, a header line first) as the admin, the way `salesdesk import` does.
    @discardableResult
    func importDeals(_ rows: String) throws -> ImportSummary {
        let path = temporary.directory.appendingPathComponent("deals.csv").path
        try Data(rows.utf8).write(to: URL(fileURLWithPath: path))
        let importer = LeadImporter(database: database, user: admin, options: ImportOptions())
        let reader = try ImportFile.open(path: path)
        return try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: path), rejected: { _ in })
    }
}
