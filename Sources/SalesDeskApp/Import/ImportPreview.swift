import Foundation
import SalesDeskDomain
import SalesDeskStore

/// What the desk shows before an import runs: the file, the mapping it will use, the columns it leaves out,
/// and the first rows as they will be read — so a wrong mapping is caught before anything is written.
public struct ImportPreview: Sendable, Equatable {
    public var path: String
    public var onDuplicate: DuplicatePolicy
    public var dryRun: Bool
    /// `email ← "E-mail Address"`, one per mapped field.
    public var mapping: [String]
    /// Headers no field takes.
    public var unmapped: [String]
    /// The mapped fields' names, then the first rows' values in that order.
    public var columns: [String]
    public var sampleRows: [[String]]
    /// Set while the import runs: the share of the file read so far and the running counts.
    public var progress: Double?
    public var progressText = ""

    /// Rows shown in the preview.
    static let sampleSize = 5

    /// Opens `path` and reads its header and first rows; nothing is written.
    static func load(path: String, onDuplicate: DuplicatePolicy, dryRun: Bool, importer: LeadImporter) throws -> ImportPreview {
        let reader = try ImportFile.open(path: path)
        let mapping = try importer.mapping(for: reader)
        let fields = ImportField.allCases.filter { mapping.column(for: $0) != nil }
        var rows: [[String]] = []
        while rows.count < sampleSize, let row = try reader.next() {
            rows.append(fields.map { field in mapping.column(for: field).flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } ?? "" })
        }
        return ImportPreview(path: path, onDuplicate: onDuplicate, dryRun: dryRun, mapping: mapping.descriptionLines,
                             unmapped: mapping.unmappedHeaders, columns: fields.map(\.rawValue), sampleRows: rows)
    }
}
