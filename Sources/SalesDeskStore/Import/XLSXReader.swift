import Foundation
import SalesDeskDomain
import XMLCoder
import ZIPFoundation

/// Reads the first sheet (or a named one) of an `.xlsx` workbook: shared strings, inline strings,
/// numbers, booleans and formula results. Dates arrive as their serial numbers, which
/// ``ImportDate`` reads in date columns.
///
/// The sheet is streamed: a second thread unpacks it and cuts it into documents of a few hundred
/// rows (``SheetRowSplitter``), which ``next()`` decodes with XMLCoder as it goes, so memory stays
/// flat in the number of rows. The shared strings table is held whole, as Excel's format needs it
/// for random access: memory grows with the workbook's distinct texts, not its rows.
public final class XLSXReader: ImportRowReader {
    public private(set) var headers: [String] = []
    /// The workbook's sheets other than the one read, in order: named when the sheet read has no usable header.
    public private(set) var otherSheets: [String] = []
    public private(set) var blankRows = 0
    private let path: String
    private let strings: [String]
    /// Made once, as every part of the sheet is decoded with it. Sheets may prefix their elements
    /// (`<x:row>`); decoding by local name reads both forms.
    private let sheetDecoder: XMLDecoder = {
        let decoder = XLSXReader.decoder
        decoder.shouldProcessNamespaces = true
        return decoder
    }()
    private let documents: BackgroundBatches<SheetPart>
    private let sheetBytes: Int64
    private var unpackedBytes: Int64 = 0
    private var pending: [RawImportRow] = []
    private var pendingIndex = 0
    /// Rows decoded so far, for rows without an `r` attribute.
    private var rowsSeen = 0

    /// A few hundred rows of the sheet as a small document, and how far unpacking had got.
    private struct SheetPart: Sendable {
        let xml: Data
        let unpackedBytes: Int64
    }

    private struct Stopped: Error {}

    public init(path: String, sheet: String? = nil) throws {
        self.path = path
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw ImportFileError.cannotOpen(path: path, detail: "no such file") }
            throw ImportFileError.notSpreadsheet(path: path, detail: "not a ZIP archive")
        }
        let book = Workbook(archive: archive, path: path)
        strings = try book.sharedStrings()
        let (name, entry) = try book.sheetEntry(named: sheet)
        let names = try book.sheetNames()
        otherSheets = sheet.map { wanted in names.filter { $0.caseInsensitiveCompare(wanted) != .orderedSame } } ?? Array(names.dropFirst())
        sheetBytes = max(1, Int64(clamping: entry.uncompressedSize))
        // The archive is used by the unpacking thread alone from here on.
        nonisolated(unsafe) let unpacking = archive
        documents = BackgroundBatches(capacity: 2) { emit in
            var splitter = SheetRowSplitter()
            var unpacked: Int64 = 0
            do {
                // The checksum is checked: a damaged sheet stops the import instead of feeding it garbage.
                let checksum = try unpacking.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { piece in
                    unpacked += Int64(piece.count)
                    for xml in try splitter.feed(piece) {
                        guard emit(SheetPart(xml: xml, unpackedBytes: unpacked)) else { throw Stopped() }
                    }
                }
                guard checksum == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
                if let xml = try splitter.finish() { _ = emit(SheetPart(xml: xml, unpackedBytes: unpacked)) }
            } catch is Stopped {
                return
            } catch SheetRowSplitter.Problem.rowTooLarge {
                throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) has a row over 16 MB")
            } catch Archive.ArchiveError.invalidCRC32 {
                throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) fails its checksum (CRC-32): the file is damaged")
            } catch SheetRowSplitter.Problem.noRootElement {
                throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) is not a worksheet")
            } catch {
                throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) cannot be unpacked")
            }
        }
        while let row = try nextDecodedRow() {
            guard Self.isBlank(row) else {
                headers = row.cells.map { ($0 ?? "").trimmingCharacters(in: .whitespaces) }
                return
            }
        }
        throw ImportFileError.empty(path: path)
    }

    deinit { documents.stop() }

    /// Keeps the spaces of `xml:space="preserve"` text runs (`<t>Ana </t><t>Silva</t>`).
    static var decoder: XMLDecoder {
        let decoder = XMLDecoder()
        decoder.trimValueWhitespaces = false
        return decoder
    }

    public var fractionRead: Double { min(1, Double(unpackedBytes) / Double(sheetBytes)) }

    public func next() throws -> RawImportRow? {
        while let row = try nextDecodedRow() {
            if Self.isBlank(row) { blankRows += 1 } else { return row }
        }
        return nil
    }

    /// The next row of the sheet, blank or not; decodes the next part when the current one is used up.
    private func nextDecodedRow() throws -> RawImportRow? {
        while pendingIndex == pending.count {
            guard let part = try documents.next() else { return nil }
            unpackedBytes = part.unpackedBytes
            let decoded: Worksheet
            do {
                decoded = try sheetDecoder.decode(Worksheet.self, from: part.xml)
            } catch {
                throw ImportFileError.notSpreadsheet(path: path, detail: "the sheet's XML cannot be read")
            }
            pending = (decoded.sheetData.row ?? []).map { row in
                rowsSeen += 1
                var cells: [String?] = []
                var problems: [Int: String] = [:]
                for (index, cell) in (row.c ?? []).enumerated() {
                    let column = cell.r.flatMap(Self.columnIndex) ?? index
                    while cells.count < column { cells.append("") }
                    if cell.f != nil && cell.v == nil { problems[cells.count] = Self.uncalculatedFormula }
                    cells.append(Self.text(of: cell, strings: strings))
                }
                return RawImportRow(number: row.r ?? rowsSeen, cells: cells, problems: problems)
            }
            pendingIndex = 0
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    /// Why a formula cell without a saved result is refused (it would otherwise read as empty, or 0).
    static let uncalculatedFormula = "is a formula with no saved result; open the workbook in a spreadsheet, let it calculate and save it again"

    private static func isBlank(_ row: RawImportRow) -> Bool { row.cells.allSatisfy { ($0 ?? "").isEmpty } }

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
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) cannot be unpacked")
        }
        guard checksum == entry.checksum else {
            throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) fails its checksum (CRC-32): the file is damaged")
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

    /// The chosen sheet's part name and archive entry.
    /// The sheets' names, in the workbook's order.
    func sheetNames() throws -> [String] {
        guard let bookData = try entry("xl/workbook.xml"), let book = try? XMLDecoder().decode(WorkbookXML.self, from: bookData) else { return [] }
        return book.sheets.sheet.map(\.name)
    }

    func sheetEntry(named wanted: String?) throws -> (String, Entry) {
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
        guard let sheet = archive[name] else { throw ImportFileError.notSpreadsheet(path: path, detail: "\(name) is missing") }
        return (name, sheet)
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
        /// A formula (`<f>`); its result is `v`, absent when the writer never calculated it.
        let f: XMLText?
        let `is`: RichText?
    }
    struct Row: Decodable {
        let r: Int?
        let c: [Cell]?
    }
    struct SheetData: Decodable { let row: [Row]? }
    let sheetData: SheetData
}
