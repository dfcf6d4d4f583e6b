import Foundation
import SalesDeskDomain

/// A streaming RFC 4180 reader working on bytes: memory stays flat whatever the file's size.
///
/// Handles quoted fields, doubled quotes, line breaks inside quotes, CRLF / LF / CR line ends, a UTF-8
/// byte-order mark, and sniffs `,` `;` or tab from the header row. A quote after a closing quote's
/// field text is kept as text (Excel's leniency). Cells that are not UTF-8 come out as nil (see
/// ``ImportText``). Row numbers are the line where a record starts; the header is row 1.
///
/// ```swift
/// let reader = try CSVReader(path: "leads.csv")
/// while let row = try reader.next() { print(row.number, row.cells) }
/// ```
public final class CSVReader: ImportRowReader {
    /// Largest accepted field; a bigger one stops the read with ``ImportFileError/fieldTooLarge(path:row:limit:)``.
    public static let maxFieldBytes = 8 * 1_048_576

    public private(set) var headers: [String] = []
    public private(set) var blankRows = 0
    /// The delimiter found in the header row.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    private let path: String
    private let handle: FileHandle
    private let totalBytes: Int64
    private var consumedBytes: Int64 = 0
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    private var field: [UInt8] = []

    public init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFileError.cannotOpen(path: path, detail: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
        totalBytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
        try fill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = sniffDelimiter()
        guard let header = try readRecord() else { throw ImportFileError.empty(path: path) }
        guard header.cells.allSatisfy({ $0 != nil }) else {
            throw ImportFileError.notText(path: path, detail: "the header row has bytes that are not UTF-8 text")
        }
        let texts = header.cells.map { $0! }
        guard !texts.contains(where: { $0.utf8.contains(0) }) else {
            throw ImportFileError.notText(path: path, detail: "the header row contains NUL bytes")
        }
        headers = texts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    deinit { try? handle.close() }

    public var fractionRead: Double {
        totalBytes == 0 ? 1 : min(1, Double(consumedBytes - Int64(buffer.count - position)) / Double(totalBytes))
    }

    public func next() throws -> RawImportRow? {
        try readRecord()
    }

    /// Reads one record, skipping blank lines.
    private func readRecord() throws -> RawImportRow? {
        while true {
            guard let byte = try peek() else { return nil }
            if byte == 0x0A || byte == 0x0D {
                consumeLineEnd()
                blankRows += headers.isEmpty ? 0 : 1
                continue
            }
            let row = try readFields()
            if !headers.isEmpty, row.cells.allSatisfy({ $0?.isEmpty == true }) {
                blankRows += 1
                continue
            }
            return row
        }
    }

    private func readFields() throws -> RawImportRow {
        let startLine = line
        var cells: [String?] = []
        cells.reserveCapacity(headers.count)
        while true {
            field.removeAll(keepingCapacity: true)
            var inQuotes = false
            if try peek() == UInt8(ascii: "\"") {
                inQuotes = true
                position += 1
            }
            var endOfRecord = false
            while true {
                guard let byte = try peek() else {
                    if inQuotes { throw ImportFileError.unterminatedQuote(path: path, row: startLine) }
                    endOfRecord = true
                    break
                }
                if inQuotes {
                    position += 1
                    if byte == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") {
                            position += 1
                            field.append(byte)
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == 0x0A { line += 1 } else if byte == 0x0D, try peek() != 0x0A { line += 1 }
                        field.append(byte)
                    }
                } else if byte == delimiter {
                    position += 1
                    break
                } else if byte == 0x0A || byte == 0x0D {
                    consumeLineEnd()
                    endOfRecord = true
                    break
                } else {
                    position += 1
                    field.append(byte)
                }
                if field.count > Self.maxFieldBytes { throw ImportFileError.fieldTooLarge(path: path, row: startLine, limit: Self.maxFieldBytes) }
            }
            cells.append(Self.text(field))
            if endOfRecord { return RawImportRow(number: startLine, cells: cells) }
        }
    }

    /// Decodes a field; nil when the bytes are not UTF-8.
    private static func text(_ bytes: [UInt8]) -> String? {
        // ASCII needs no validation; the validating initialiser takes a slow generic path.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    private func consumeLineEnd() {
        if buffer[position] == 0x0D {
            position += 1
            if (try? peek()) == 0x0A { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    @inline(__always)
    private func peek() throws -> UInt8? {
        if position < buffer.count { return buffer[position] }
        try fill()
        return position < buffer.count ? buffer[position] : nil
    }

    private func fill() throws {
        guard !atEOF else { return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
        if chunk.isEmpty { atEOF = true; return }
        consumedBytes += Int64(chunk.count)
        buffer.append(contentsOf: chunk)
    }

    /// The most frequent of `,` `;` tab outside quotes in the first line.
    private func sniffDelimiter() -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var inQuotes = false
        for byte in buffer[position...] {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) { break }
            if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ",")
    }
}
