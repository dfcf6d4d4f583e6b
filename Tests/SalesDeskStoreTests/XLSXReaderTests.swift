import Foundation
import SalesDeskDomain
import Testing
import SalesDeskTesting
import ZIPFoundation
@testable import SalesDeskStore

@Suite("Reading .xlsx workbooks")
struct XLSXReaderTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A minimal workbook as Excel writes it: two sheets, shared and inline strings, numbers and a date serial.
    private func workbook() throws -> String {
        try package(named: "leads.xlsx", [
            "[Content_Types].xml": #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "xl/workbook.xml": #"""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId2"/><sheet name="Leads" sheetId="2" r:id="rId1"/></sheets></workbook>
                """#,
            "xl/_rels/workbook.xml.rels": #"""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
                """#,
            "xl/sharedStrings.xml": #"""
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>Name</t></si><si><t>Email</t></si><si><t>Value</t></si><si><t>Expected Close Date</t></si><si><r><t>Ana </t></r><r><t xml:space="preserve">Silva</t></r></si></sst>
                """#,
            "xl/worksheets/sheet1.xml": #"""
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>ana@acme.com</t></is></c><c r="C2"><v>12500.5</v></c><c r="D2" s="1"><v>46387</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Bob</t></is></c><c r="D4"><v>46388</v></c></row></sheetData></worksheet>
                """#,
            "xl/worksheets/sheet2.xml": #"""
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Note</t></is></c></row></sheetData></worksheet>
                """#,
        ])
    }

    /// A workbook of one sheet with a header and `rows` rows of inline strings, row 3 left out.
    private func bigWorkbook(rows: Int) throws -> String {
        var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        sheet += #"<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>"#
        for number in 2...(rows + 2) where number != 3 {
            sheet += #"<row r="\#(number)"><c r="A\#(number)" t="inlineStr"><is><t>Lead \#(number)</t></is></c><c r="B\#(number)" t="inlineStr"><is><t>lead\#(number)@x.co</t></is></c></row>"#
        }
        sheet += "</sheetData></worksheet>"
        return try package(named: "big.xlsx", [
            "xl/workbook.xml": #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
        ])
    }

    private func package(named name: String, _ parts: [String: String]) throws -> String {
        let path = folder.path(name)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    @Test("a sheet of many rows streams through in order with its row numbers, and progress reaches the end")
    func streamsLargeSheet() throws {
        let reader = try XLSXReader(path: try bigWorkbook(rows: 20_000))
        #expect(reader.headers == ["Name", "Email"])
        var numbers: [Int] = []
        var fractions: [Double] = []
        while let row = try reader.next() {
            if row.number % 5_000 == 0 { fractions.append(reader.fractionRead) }
            #expect(row.cells == ["Lead \(row.number)", "lead\(row.number)@x.co"])
            numbers.append(row.number)
        }
        #expect(numbers == [2] + Array(4...20_002))
        #expect(fractions == fractions.sorted() && fractions.first! < 0.5)
        #expect(reader.fractionRead == 1)
    }

    @Test("a sheet whose elements carry a namespace prefix (the OpenXML SDK's x:) reads like any other")
    func prefixedSheet() throws {
        let path = try package(named: "prefixed.xlsx", [
            "xl/workbook.xml": #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": #"""
                <?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Ana</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
                """#,
        ])
        let reader = try XLSXReader(path: path)
        #expect(reader.headers == ["Name"])
        #expect(try reader.next()?.cells == ["Ana"])
        #expect(try reader.next() == nil)
    }

    @Test("a reader dropped half-way stops its unpacking thread")
    func droppedHalfWay() throws {
        let path = try bigWorkbook(rows: 20_000)
        weak var dropped: XLSXReader?
        do {
            let reader = try XLSXReader(path: path)
            dropped = reader
            #expect(try reader.next()?.number == 2)
        }
        // Its deinit ran, and that waits until the unpacking thread has ended.
        #expect(dropped == nil)
    }

    @Test("a named sheet reads shared, rich and inline strings, numbers and date serials, with sheet row numbers")
    func namedSheet() throws {
        let reader = try XLSXReader(path: try workbook(), sheet: "leads")
        #expect(reader.headers == ["Name", "Email", "Value", "Expected Close Date"])
        let first = try #require(try reader.next())
        #expect(first.number == 2)
        #expect(first.cells == ["Ana Silva", "ana@acme.com", "12500.5", "46387"])
        let second = try #require(try reader.next())
        #expect(second.number == 4)
        #expect(second.cells == ["Bob", "", "", "46388"])
        #expect(try reader.next() == nil)
        let lead = try ImportRowValidator(mapping: try HeaderMapping.detect(headers: reader.headers)).validate(first).get()
        #expect(lead.expectedCloseDate == ImportDate.parse("2026-12-31"))
        #expect(lead.value.minorUnits == 1_250_050)
    }

    @Test("without --sheet the first sheet is read; a missing sheet is named with the list of sheets")
    func sheets() throws {
        let path = try workbook()
        #expect(try XLSXReader(path: path).headers == ["Note"])
        #expect(throws: ImportFileError.noSuchSheet(path: path, sheet: "Deals", sheets: ["Notes", "Leads"])) { try XLSXReader(path: path, sheet: "Deals") }
    }

    @Test("a file that is not a workbook is refused")
    func notAWorkbook() throws {
        let path = try folder.file(Array("Name,Email\n".utf8), named: "fake.xlsx")
        #expect(throws: ImportFileError.notSpreadsheet(path: path, detail: "not a ZIP archive")) { try XLSXReader(path: path) }
    }

    /// A one-sheet workbook whose sheet is `rows` (`<row>` elements after a Name, Value header).
    private func oneSheet(_ rows: String, named name: String) throws -> String {
        try package(named: name, [
            "xl/workbook.xml": #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>"# + rows + "</sheetData></worksheet>",
        ])
    }

    @Test("the workbook's other sheets are known, to name them when the sheet read has no usable header")
    func otherSheetsAreNamed() throws {
        let path = try workbook()
        #expect(try XLSXReader(path: path).otherSheets == ["Leads"])
        #expect(try XLSXReader(path: path, sheet: "Leads").otherSheets == ["Notes"])
    }

    @Test("a formula cell with no saved result rejects its row with a reason instead of reading as empty or 0")
    func uncalculatedFormula() throws {
        let path = try oneSheet(#"<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c><c r="B2"><f>SUM(C2:C9)</f></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Bo</t></is></c><c r="B3"><f>1+1</f><v>2</v></c></row>"#, named: "formula.xlsx")
        let reader = try XLSXReader(path: path)
        let validator = ImportRowValidator(mapping: try HeaderMapping.detect(headers: reader.headers))
        let ana = try #require(try reader.next())
        #expect(validator.validate(ana) == .failure(RowProblem(row: 2, column: "Value", reason: XLSXReader.uncalculatedFormula)))
        let bo = try #require(try reader.next())
        #expect(try validator.validate(bo).get().value.minorUnits == 200)
    }

    @Test("a sheet whose ZIP checksum fails stops the read with a message saying the file is damaged")
    func damagedChecksum() throws {
        let path = try oneSheet(#"<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c></row>"#, named: "damaged.xlsx")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Flip the sheet's CRC-32 in its local header (offset 14) and its central directory entry (offset 16).
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        for (signature, crcOffset, nameOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 14, 30), ([0x50, 0x4B, 0x01, 0x02], 16, 46)] {
            let start = try #require(bytes.indices.first { index in
                index + nameOffset + name.count <= bytes.count && Array(bytes[index..<index + 4]) == signature
                    && Array(bytes[index + nameOffset..<index + nameOffset + name.count]) == name
            })
            for offset in 0..<4 { bytes[start + crcOffset + offset] ^= 0xFF }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: ImportFileError.notSpreadsheet(path: path, detail: "xl/worksheets/sheet1.xml fails its checksum (CRC-32): the file is damaged")) {
            let reader = try XLSXReader(path: path)
            while try reader.next() != nil {}
        }
    }
}
