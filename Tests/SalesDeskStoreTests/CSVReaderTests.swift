import Foundation
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// Bad-input families for the CSV reader, each with its exact outcome.
@Suite("Reading CSV files")
struct CSVReaderTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func file(_ bytes: [UInt8]) throws -> String { try folder.file(bytes) }

    private func file(_ text: String) throws -> String { try file(Array(text.utf8)) }

    private func rows(_ path: String) throws -> (headers: [String], rows: [RawImportRow], blank: Int) {
        let reader = try CSVReader(path: path)
        var rows: [RawImportRow] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.headers, rows, reader.blankRows)
    }

    @Test("quoted fields keep delimiters, doubled quotes and line breaks; row numbers are the starting line")
    func quotes() throws {
        let result = try rows(try file("Name,Notes\n\"Silva, Ana\",\"She said \"\"hi\"\"\nand left\"\nBob,plain\n"))
        #expect(result.headers == ["Name", "Notes"])
        #expect(result.rows.map(\.cells) == [["Silva, Ana", "She said \"hi\"\nand left"], ["Bob", "plain"]])
        #expect(result.rows.map(\.number) == [2, 4])
    }

    @Test("a byte-order mark is skipped and CRLF ends rows")
    func bomAndCRLF() throws {
        let result = try rows(try file([0xEF, 0xBB, 0xBF] + Array("Name,Email\r\nAna,a@x.co\r\n".utf8)))
        #expect(result.headers == ["Name", "Email"])
        #expect(result.rows.map(\.cells) == [["Ana", "a@x.co"]])
    }

    @Test("semicolon and tab delimiters are sniffed from the header", arguments: [("Name;Email\nAna;a@x.co\n", ";"), ("Name\tEmail\nAna\ta@x.co\n", "\t")])
    func delimiters(text: String, delimiter: String) throws {
        let reader = try CSVReader(path: try file(text))
        #expect(reader.delimiter == UInt8(ascii: Unicode.Scalar(delimiter)!))
        #expect(try reader.next()?.cells == ["Ana", "a@x.co"])
    }

    @Test("blank lines are skipped and counted, not read as rows")
    func blankLines() throws {
        let result = try rows(try file("Name\n\nAna\n\r\n,\nBob\n"))
        #expect(result.rows.map(\.cells) == [["Ana"], ["Bob"]])
        #expect(result.blank == 3)
    }

    @Test("invalid UTF-8 comes out as a nil cell; NUL stays in the text for validation to reject")
    func invalidBytes() throws {
        let result = try rows(try file(Array("Name,Email\n".utf8) + [0x41, 0xFF, 0x42] + Array(",a@x.co\nB\u{0}b,\n".utf8)))
        #expect(result.rows[0].cells == [nil, "a@x.co"])
        #expect(result.rows[1].cells == ["B\u{0}b", ""])
    }

    @Test("short and long rows keep their own number of cells")
    func raggedRows() throws {
        let result = try rows(try file("A,B,C\n1\n1,2,3,4\n"))
        #expect(result.rows.map(\.cells) == [["1"], ["1", "2", "3", "4"]])
    }

    @Test("an unterminated quote stops the read with the row where it opened")
    func unterminatedQuote() throws {
        let path = try file("Name,Notes\nAna,ok\nBob,\"never closed\nCara,x\n")
        let reader = try CSVReader(path: path)
        #expect(try reader.next()?.cells == ["Ana", "ok"])
        #expect(throws: ImportFileError.unterminatedQuote(path: path, row: 3)) { try reader.next() }
    }

    @Test("an empty file is refused: there is no header")
    func emptyFile() throws {
        let path = try file("")
        #expect(throws: ImportFileError.empty(path: path)) { try CSVReader(path: path) }
    }

    @Test("a header-only file has no rows")
    func headerOnly() throws {
        let result = try rows(try file("Name,Email\r\n"))
        #expect(result.headers == ["Name", "Email"])
        #expect(result.rows.isEmpty)
    }

    @Test("binary garbage is refused as not CSV text")
    func binaryGarbage() throws {
        var random = SystemRandomNumberGenerator()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE]
        bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = try file(bytes)
        #expect(throws: ImportFileError.notText(path: path, detail: "the header row has bytes that are not UTF-8 text")) { try CSVReader(path: path) }
    }

    @Test("a 2 MB field is read whole, across buffer refills")
    func largeField() throws {
        let big = String(repeating: "x", count: 2 * 1_048_576)
        let result = try rows(try file("Name,Notes\nAna,\"\(big)\"\nBob,y\n"))
        #expect(result.rows[0].cells[1]?.utf8.count == 2 * 1_048_576)
        #expect(result.rows[1].cells == ["Bob", "y"])
    }

    @Test("CSV written by the export is read back cell for cell, formula guard included")
    func writerRoundTrip() throws {
        var text = ""
        let writer = CSVWriter { text += $0 }
        let cells = ["=SUM(A1)", "a,b", "say \"hi\"", "two\nlines", "+1 555", "@cmd", "-5", "\ttab", "plain"]
        try writer.row(cells)
        try writer.row(cells)
        #expect(text.hasPrefix("'=SUM(A1),\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'+1 555,'@cmd,'-5,'\ttab,plain\r\n"))
        let result = try rows(try file(text))
        #expect(result.headers.first == "'=SUM(A1)")
        #expect(result.rows.first?.cells == ["'=SUM(A1)", "a,b", "say \"hi\"", "two\nlines", "'+1 555", "'@cmd", "'-5", "'\ttab", "plain"])
    }
}
