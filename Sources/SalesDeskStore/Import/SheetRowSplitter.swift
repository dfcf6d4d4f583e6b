import Foundation

/// Cuts a worksheet's XML, fed in pieces as it is unpacked, into small well-formed documents of
/// whole rows, so a sheet of any size is decoded a few hundred rows at a time.
///
/// Each document is the sheet's own root start tag (so its namespace declarations still apply),
/// `<sheetData>`, up to ``rowsPerDocument`` `<row>` elements copied byte for byte, and the closing
/// tags. Everything outside `<row>` elements (column widths, merged cells, the sheet's view) is
/// dropped. Rows use the root's namespace prefix if it has one (`<x:worksheet>` … `<x:row>`, as the
/// OpenXML SDK writes). A comment or CDATA section containing `<row` is not recognised as such (no
/// known spreadsheet writes one inside `sheetData`): the document around it would not decode.
///
/// ```swift
/// var splitter = SheetRowSplitter()
/// for piece in pieces { documents += try splitter.feed(piece) }
/// if let last = splitter.finish() { documents.append(last) }
/// ```
struct SheetRowSplitter {
    /// Rows per document: small enough to keep memory flat, large enough to keep decoding cheap.
    var rowsPerDocument = 64
    /// A row whose XML grows past this without closing is refused (a broken or hostile file).
    var maximumRowBytes = 16 << 20

    /// Why the sheet's XML cannot be cut into rows.
    enum Problem: Error, Equatable {
        case noRootElement
        case rowTooLarge
    }

    private var buffer: [UInt8] = []
    /// Where scanning resumes in `buffer`.
    private var scanFrom = 0
    private var rootStart: [UInt8]?
    private var rootName: [UInt8] = []
    /// `<row`, `</row>` and `sheetData` with the root's prefix.
    private var rowOpen = Array("<row".utf8)
    private var rowClose = Array("</row>".utf8)
    private var sheetData = Array("sheetData".utf8)
    /// Where the search for the current row's end resumes, so a long row is not scanned again per piece.
    private var closeSearchFrom: Int?
    private var rows: [UInt8] = []
    private var rowCount = 0

    init() {}

    /// Adds a piece of the sheet and returns the documents it completes.
    mutating func feed(_ piece: Data) throws -> [Data] {
        buffer.append(contentsOf: piece)
        var documents: [Data] = []
        if rootStart == nil, !(try findRoot()) { return documents }
        while let row = try nextRow() {
            rows.append(contentsOf: row)
            rowCount += 1
            if rowCount >= rowsPerDocument { documents.append(takeDocument()) }
        }
        compact()
        return documents
    }

    /// The document of the rows not yet returned, if any; call once, after the last piece.
    mutating func finish() throws -> Data? {
        guard rootStart != nil else { throw Problem.noRootElement }
        return rowCount > 0 ? takeDocument() : nil
    }

    /// Finds the first element's start tag (the root) and removes everything up to its end.
    private mutating func findRoot() throws -> Bool {
        var index = 0
        while index + 1 < buffer.count {
            if buffer[index] == UInt8(ascii: "<"), buffer[index + 1] != UInt8(ascii: "?"), buffer[index + 1] != UInt8(ascii: "!") {
                guard let end = buffer[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
                let tag = Array(buffer[index...end])
                let nameEnd = tag.dropFirst().firstIndex(where: Self.endsTagName) ?? tag.count - 1
                rootName = Array(tag[1..<nameEnd])
                if let colon = rootName.firstIndex(of: UInt8(ascii: ":")) {
                    let prefix = Array(rootName[...colon])
                    rowOpen = Array("<".utf8) + prefix + Array("row".utf8)
                    rowClose = Array("</".utf8) + prefix + Array("row>".utf8)
                    sheetData = prefix + Array("sheetData".utf8)
                }
                rootStart = tag.last == UInt8(ascii: ">") && tag.dropLast().last == UInt8(ascii: "/") ? Array(tag.dropLast(2)) + [UInt8(ascii: ">")] : tag
                buffer.removeSubrange(0...end)
                scanFrom = 0
                return true
            }
            index += 1
        }
        if buffer.count > maximumRowBytes { throw Problem.noRootElement }
        return false
    }

    /// The next complete `<row …>…</row>` or `<row …/>` at or after `scanFrom`, or nil if none is complete yet.
    private mutating func nextRow() throws -> ArraySlice<UInt8>? {
        guard let start = rowStart(from: scanFrom) else {
            // Keep a possible partial "<row" (or "<x:row") at the end; drop what came before it.
            scanFrom = max(scanFrom, buffer.count - rowOpen.count)
            return nil
        }
        scanFrom = start
        guard let tagEnd = buffer[start...].firstIndex(of: UInt8(ascii: ">")) else { return try waiting(since: start) }
        if buffer[tagEnd - 1] == UInt8(ascii: "/") {
            scanFrom = tagEnd + 1
            return buffer[start...tagEnd]
        }
        guard let close = find(rowClose, from: max(tagEnd + 1, closeSearchFrom ?? 0)) else {
            closeSearchFrom = max(tagEnd + 1, buffer.count - rowClose.count + 1)
            return try waiting(since: start)
        }
        closeSearchFrom = nil
        let end = close + rowClose.count
        scanFrom = end
        return buffer[start..<end]
    }

    private func waiting(since start: Int) throws -> ArraySlice<UInt8>? {
        if buffer.count - start > maximumRowBytes { throw Problem.rowTooLarge }
        return nil
    }

    /// The index of the next `<row` followed by a space, `>` or `/`.
    private func rowStart(from index: Int) -> Int? {
        var from = index
        while let found = find(rowOpen, from: from) {
            let after = found + rowOpen.count
            guard after < buffer.count else { return nil }
            if Self.endsTagName(buffer[after]) { return found }
            from = after
        }
        return nil
    }

    /// Whether `byte` ends an element's name in its start tag: white space, `>` or `/`.
    private static func endsTagName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0a, 0x0d, UInt8(ascii: ">"), UInt8(ascii: "/"): true
        default: false
        }
    }

    private func find(_ needle: [UInt8], from index: Int) -> Int? {
        guard index < buffer.count, buffer.count - index >= needle.count else { return nil }
        var position = index
        let last = buffer.count - needle.count
        while position <= last {
            guard let first = buffer[position...last].firstIndex(of: needle[0]) else { return nil }
            if buffer[first..<first + needle.count].elementsEqual(needle) { return first }
            position = first + 1
        }
        return nil
    }

    /// Drops the bytes already scanned.
    private mutating func compact() {
        guard scanFrom > 0 else { return }
        let removed = min(scanFrom, buffer.count)
        buffer.removeSubrange(0..<removed)
        closeSearchFrom = closeSearchFrom.map { $0 - removed }
        scanFrom = 0
    }

    private mutating func takeDocument() -> Data {
        var document = Data(rootStart ?? [])
        document.append(contentsOf: Array("<".utf8) + sheetData + Array(">".utf8))
        document.append(contentsOf: rows)
        document.append(contentsOf: Array("</".utf8) + sheetData + Array("></".utf8))
        document.append(contentsOf: rootName)
        document.append(UInt8(ascii: ">"))
        rows.removeAll(keepingCapacity: true)
        rowCount = 0
        return document
    }

}
