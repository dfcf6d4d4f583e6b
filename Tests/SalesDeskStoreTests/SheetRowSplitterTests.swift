import Foundation
import Testing
@testable import SalesDeskStore

@Suite("Cutting a worksheet into small documents of rows")
struct SheetRowSplitterTests {
    private let sheet = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:B3"/><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"/><row r="3"><c r="A3" t="inlineStr"><is><t>&lt;row&gt; Ana</t></is></c></row></sheetData><rowBreaks count="1"><brk id="2"/></rowBreaks></worksheet>
        """#

    private func documents(pieceSize: Int, rowsPerDocument: Int) throws -> [String] {
        var splitter = SheetRowSplitter()
        splitter.rowsPerDocument = rowsPerDocument
        let bytes = Data(sheet.utf8)
        var documents: [Data] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + pieceSize)
            documents += try splitter.feed(bytes.subdata(in: offset..<end))
            offset = end
        }
        if let last = try splitter.finish() { documents.append(last) }
        return documents.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("rows are copied whole under the sheet's own root tag, whatever size the pieces arrive in")
    func wholeRows() throws {
        let root = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">"#
        let expected = [
            root + #"<sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"/></sheetData></worksheet>"#,
            root + #"<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>&lt;row&gt; Ana</t></is></c></row></sheetData></worksheet>"#,
        ]
        for pieceSize in [1, 2, 3, 7, 64, 100_000] {
            #expect(try documents(pieceSize: pieceSize, rowsPerDocument: 2) == expected, "pieces of \(pieceSize) bytes")
        }
    }

    @Test("a prefixed sheet (x:row) is cut the same way, whatever size the pieces arrive in")
    func prefixedRows() throws {
        let sheet = #"<x:worksheet xmlns:x="urn:sheet"><x:sheetData><x:row r="1"><x:c><x:v>1</x:v></x:c></x:row><x:row r="2"/></x:sheetData></x:worksheet>"#
        let expected = #"<x:worksheet xmlns:x="urn:sheet"><x:sheetData><x:row r="1"><x:c><x:v>1</x:v></x:c></x:row><x:row r="2"/></x:sheetData></x:worksheet>"#
        for pieceSize in [1, 2, 3, 5, 7, 1_000] {
            var splitter = SheetRowSplitter()
            let bytes = Data(sheet.utf8)
            var documents: [Data] = []
            for start in stride(from: 0, to: bytes.count, by: pieceSize) {
                documents += try splitter.feed(bytes.subdata(in: start..<min(bytes.count, start + pieceSize)))
            }
            if let last = try splitter.finish() { documents.append(last) }
            #expect(documents.map { String(decoding: $0, as: UTF8.self) } == [expected], "pieces of \(pieceSize) bytes")
        }
    }

    @Test("a row that never closes is refused once it passes the limit; text with no element is not a sheet")
    func refusals() throws {
        var splitter = SheetRowSplitter()
        splitter.maximumRowBytes = 1_000
        _ = try splitter.feed(Data(#"<worksheet><sheetData><row r="1"><c><v>"#.utf8))
        #expect(throws: SheetRowSplitter.Problem.rowTooLarge) { try splitter.feed(Data(repeating: UInt8(ascii: "7"), count: 2_000)) }
        var plain = SheetRowSplitter()
        #expect(try plain.feed(Data("Name,Email\n".utf8)).isEmpty)
        #expect(throws: SheetRowSplitter.Problem.noRootElement) { try plain.finish() }
    }
}
