import Foundation
import SalesDeskDomain
import XMLCoder
import ZIPFoundation

/// Reads the first sheet (or a named one) of an `.xlsx` workbook: shared strings, inline strings,
/// numbers, booleans and formula results. Dates arrive as their serial numbers, which
/// ``ImportDate`` reads in date columns.
///
/// Unlike ``CSVReader`` the sheet's XML is decoded whole, so memory grows with the sheet; CSV is the
/// format for very large files.
public final class XLSXReader: ImportRowReader {
    public private(set) var headers: [String] = []
    public private(set) var blankRows = 0
    private var rows: [RawImportRow] = []
    private var nextIndex = 0

    public init(path: String, sheet: String? = nil) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw ImportFileError.cannotOpen(path: path, detail: "no such file") }
            throw ImportFileError.notSpreadsheet(path: path, detail: "not a ZIP archive")
        }
        let book = Workbook(archive: archive, path: path)
        let strings = try book.sharedStrings()
        let sheetXML = try book.sheet(named: sheet)
        let decoded: Worksheet
        do {
            decoded = try Self.decoder.decode(Worksheet.self, from: sheetXML)
        } catch {
            throw ImportFileError.notSpreadsheet(path: path, detail: "the sheet's XML cannot be read")
        }
        var all: [RawImportRow] = []
        for (position, row) in (decoded.sheetData.row ?? []).enumerated() {
            var cells: [String?] = []
            for (index, cell) in (row.c ?? []).enumerated() {
                let column = cell.r.flatMap(Self.columnIndex) ?? index
                while cells.count < column { cells.append("") }
                cells.append(Self.text(of: cell, strings: strings))
            }
            all.append(RawImportRow(number: row.r ?? position + 1, cells: cells))
        }
        guard let header = all.first(where: { !$0.cells.allSatisfy { ($0 ?? "").isEmpty } }) else { throw ImportFileError.empty(path: path) }
        headers = header.cells.map { ($0 ?? "").trimmingCharacters(in: .whitespaces) }
        for row in all where row.number > header.number {
            if row.cells.allSatisfy({ ($0 ?? "").isEmpty }) { blankRows += 1 } else { rows.append(row) }
        }
    }

    /// Keeps the spaces of `xml:space="preserve"` text runs (`<t>Ana </t><t>Silva</t>`).
    static var decoder: XMLDecoder {
        let decoder = XMLDecoder()
        decoder.trimValueWhitespaces = false
        return decoder
    }

    public var fractionRead: Double { rows.isEmpty ? 1 : Double(nextIndex) / Double(rows.count) }

    public func next() throws -> RawImportRow? {
        guard nextIndex < rows.count else { return nil }
        defer { nextIndex += 1 }
        return rows[nextIndex]
    }

    private static func text(of cell: Worksheet.Cell, strings: [String]) -> String {
        switch cell.t {
        case "s": return cell.v.flatMap(Int.init).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return cell.is?.text ?? ""
        case "b": return cell.v == "1" ? "TRUE" : "FALSE"
        default: return cell.v ?? ""
        }
    }

    /// `C7` → 2.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}

/// The parts of a workbook package the reader needs.
private struct Workbook {
    let archive: Archive
    let path: String

    func entry(_ name: String) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) cannot be unpacked")
        }
        return data
    }

    func sharedStrings() throws -> [String] {
        guard let data = try entry("xl/sharedStrings.xml") else { return [] }
        do {
            return try XLSXReader.decoder.decode(SharedStrings.self, from: data).si?.map(\.text) ?? []
        } catch {
            throw ImportFileError.notSpreadsheet(path: path, detail: "xl/sharedStrings.xml cannot be read")
        }
    }

    func sheet(named wanted: String?) throws -> Data {
        guard let bookData = try entry("xl/workbook.xml"),
              let book = try? XMLDecoder().decode(WorkbookXML.self, from: bookData),
              let first = book.sheets.sheet.first else {
            throw ImportFileError.notSpreadsheet(path: path, detail: "xl/workbook.xml is missing or lists no sheets")
        }
        let chosen: WorkbookXML.Sheet
        if let wanted {
            guard let match = book.sheets.sheet.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw ImportFileError.noSuchSheet(path: path, sheet: wanted, sheets: book.sheets.sheet.map(\.name))
            }
            chosen = match
        } else {
            chosen = first
        }
        let relations = try entry("xl/_rels/workbook.xml.rels").flatMap { try? XMLDecoder().decode(Relationships.self, from: $0) }
        let target = relations?.Relationship.first { $0.Id == chosen.relationID }?.Target ?? "worksheets/sheet1.xml"
        let name = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let data = try entry(name) else { throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) is missing") }
        return data
    }
}

private struct WorkbookXML: Decodable {
    struct Sheet: Decodable {
        let name: String
        let relationID: String?
        enum CodingKeys: String, CodingKey {
            case name
            case relationID = "r:id"
        }
    }
    struct Sheets: Decodable { let sheet: [Sheet] }
    let sheets: Sheets
}

private struct Relationships: Decodable {
    struct Relationship: Decodable {
        let Id: String
        let Target: String
    }
    let Relationship: [Relationship]
}

/// `<t>` with its text (it may carry `xml:space`).
private struct XMLText: Decodable {
    let value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
}

/// Plain or rich text: one `<t>` or several `<r><t>` runs.
private struct RichText: Decodable {
    struct Run: Decodable { let t: XMLText? }
    let t: XMLText?
    let r: [Run]?

    var text: String { t?.value ?? (r ?? []).compactMap { $0.t?.value }.joined() }
}

private struct SharedStrings: Decodable {
    let si: [RichText]?
}

private struct Worksheet: Decodable {
    struct Cell: Decodable {
        let r: String?
        let t: String?
        let v: String?
        let `is`: RichText?
    }
    struct Row: Decodable {
        let r: Int?
        let c: [Cell]?
    }
    struct SheetData: Decodable { let row: [Row]? }
    let sheetData: SheetData
}
