import Foundation
import SalesDeskDomain

/// Why an import file cannot be read at all (as opposed to a rejected row).
public enum ImportFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, detail: String)
    case empty(path: String)
    case notText(path: String, detail: String)
    case unterminatedQuote(path: String, row: Int)
    case fieldTooLarge(path: String, row: Int, limit: Int)
    case notSpreadsheet(path: String, detail: String)
    case noSuchSheet(path: String, sheet: String, sheets: [String])

    public var description: String {
        switch self {
        case .cannotOpen(let path, let detail): "\(path): cannot open: \(detail)"
        case .empty(let path): "\(path) is empty: there is no header row"
        case .notText(let path, let detail): "\(path) does not look like CSV text: \(detail)"
        case .unterminatedQuote(let path, let row): "\(path): row \(row) opens a quoted field that is never closed; the rows before it were imported, rows from \(row) on were not read"
        case .fieldTooLarge(let path, let row, let limit): "\(path): row \(row) has a field over \(limit / 1_048_576) MB; the rows before it were imported, rows from \(row) on were not read"
        case .notSpreadsheet(let path, let detail): "\(path) is not a readable .xlsx workbook: \(detail)"
        case .noSuchSheet(let path, let sheet, let sheets): "\(path) has no sheet '\(sheet)'; sheets: \(sheets.joined(separator: ", "))"
        }
    }
}

/// A file of rows: a header, then data rows, read one at a time.
public protocol ImportRowReader: AnyObject {
    /// The header row's cells.
    var headers: [String] { get }
    /// The next data row, or nil at the end. Blank rows are skipped and counted in ``blankRows``.
    func next() throws -> RawImportRow?
    /// Blank rows skipped so far.
    var blankRows: Int { get }
    /// Progress through the file, 0–1.
    var fractionRead: Double { get }
}

/// Opens the right reader for a file: `.xlsx` by its name, anything else as CSV.
public enum ImportFile {
    public static func open(path: String, sheet: String? = nil) throws -> any ImportRowReader {
        if path.lowercased().hasSuffix(".xlsx") { return try XLSXReader(path: path, sheet: sheet) }
        return try CSVReader(path: path)
    }
}
