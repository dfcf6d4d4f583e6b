import Foundation
import SalesDeskStore

/// Deterministic random text for fuzz tests: the same seed gives the same inputs, so a failure
/// reproduces. Mixes `tokens` (the grammar's words: `stage:`, `"`, `,`, a CSV quote) with random
/// Unicode, control characters, invalid-looking sequences and long runs.
///
/// ```swift
/// var fuzzer = Fuzzer(seed: 7, tokens: ["stage:", "owner:", "\"", " "])
/// for input in fuzzer.inputs(count: 5_000, maxLength: 200) { _ = try? QueueFilter.parse(input) }
/// ```
/// Point it at any parser: the `/` filter here, the CSV reader on the import branch (`tokens: [",", "\"", "\r\n"]`).
public struct Fuzzer {
    private var random: SeededGenerator
    public let tokens: [String]

    public init(seed: UInt64, tokens: [String]) {
        random = SeededGenerator(seed: seed)
        self.tokens = tokens
    }

    /// `count` inputs of up to `maxLength` pieces each.
    public mutating func inputs(count: Int, maxLength: Int) -> [String] {
        (0..<count).map { _ in input(maxLength: maxLength) }
    }

    /// One input.
    public mutating func input(maxLength: Int) -> String {
        let length = Int(next() % UInt64(max(1, maxLength)))
        var text = ""
        for _ in 0..<length { text += piece() }
        return text
    }

    private mutating func piece() -> String {
        switch next() % 10 {
        case 0...4: return tokens.isEmpty ? "x" : tokens[Int(next() % UInt64(tokens.count))]
        case 5: return String(repeating: tokens.first ?? "a", count: Int(next() % 50))
        case 6: return ["\u{0}", "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{7F}", "\u{9B}", "\u{202E}", "\r", "\n", "\t"][Int(next() % 9)]
        case 7: return String(UnicodeScalar(UInt32(0x4E00 + next() % 0x5000)) ?? "?") + "\u{301}"
        case 8: return ["🧪", "👩🏽‍💻", "é", "ß", "İ", "\u{FEFF}", "\u{FFFD}"][Int(next() % 7)]
        default: return String(UnicodeScalar(UInt8(32 + next() % 95)))
        }
    }

    private mutating func next() -> UInt64 { random.next() }
}
