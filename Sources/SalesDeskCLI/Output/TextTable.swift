import Foundation

/// Plain-text tables for terminal output: columns padded to their widest cell, headers underlined.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as lines of text; control characters in cells are made visible.
    public func render() -> String {
        let cleanRows = rows.map { $0.map(Self.printable) }
        let widths = headers.indices.map { column in
            ([headers[column]] + cleanRows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var output = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        output += cleanRows.map(line)
        return output.joined(separator: "\n")
    }

    /// Replaces C0/C1 controls, DEL and bidi overrides so data cannot drive the terminal.
    public static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }
}
