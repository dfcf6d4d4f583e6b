import Foundation

/// Writes RFC 4180 CSV: fields quoted when they hold a delimiter, quote or line break, CRLF line ends.
///
/// Against formula injection, a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
/// so a spreadsheet shows it as text instead of running it (the desk's import removes the guard).
public struct CSVWriter {
    private let write: (String) throws -> Void

    /// `write` receives each finished line, CRLF included.
    public init(write: @escaping (String) throws -> Void) {
        self.write = write
    }

    /// Writes one row.
    public func row(_ cells: [String]) throws {
        try write(cells.map(Self.cell).joined(separator: ",") + "\r\n")
    }

    /// One escaped cell.
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
