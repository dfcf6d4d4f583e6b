import Foundation
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Random files through the CSV reader: the grammar's own pieces (delimiters, quotes, line ends) mixed with
/// controls, CJK, long runs and invalid UTF-8 bytes. Every file must read to its end or stop with an
/// `ImportFileError` naming a row — never crash, hang or throw anything else. Seeded, so a failure reproduces.
@Suite("The CSV reader under random input")
struct CSVFuzzTests {
    static let tokens = [",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", "Name", "Email", "a@b.co", " ", "\u{FEFF}", "=SUM(1)"]

    @Test("2,000 seeded random files: each reads to the end or stops with a file error naming a row")
    func randomFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var fuzzer = Fuzzer(seed: 4_181, tokens: Self.tokens)
        var random = SeededGenerator(seed: 99)
        var outcomes = (read: 0, stopped: 0, rows: 0)
        for index in 0..<2_000 {
            var bytes = Array(fuzzer.input(maxLength: 120).utf8)
            // Invalid UTF-8: lone continuation bytes, a truncated sequence, bytes that never start a character.
            for _ in 0..<Int(random.next() % 4) where !bytes.isEmpty {
                let at = Int(random.next() % UInt64(bytes.count))
                bytes.insert([0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFE, 0xFF][Int(random.next() % 7)], at: at)
            }
            let path = directory.appendingPathComponent("\(index).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let reader = try CSVReader(path: path)
                var rows = 0
                while let row = try reader.next() {
                    rows += 1
                    #expect(row.number >= 2, "data rows start after the header")
                    #expect(rows <= bytes.count + 1, "a reader that returns more rows than the file has bytes is looping")
                    if rows > bytes.count + 1 { break }
                }
                outcomes.read += 1
                outcomes.rows += rows
            } catch let error as ImportFileError {
                outcomes.stopped += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(outcomes.read + outcomes.stopped == 2_000)
        #expect(outcomes.read > 0 && outcomes.stopped > 0, "the inputs reach both outcomes: \(outcomes)")
    }
}
