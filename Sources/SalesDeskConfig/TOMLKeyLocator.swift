import Foundation

/// Finds the line of a dotted key in TOML source text, for error messages.
///
/// TOMLKit reports positions only for syntax errors; for a well-formed file with a bad value we
/// find `key =` inside the right `[table]` by scanning the text.
struct TOMLKeyLocator {
    let lines: [Substring]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `a.b.c`, or of its table header when the key itself is absent.
    func line(of dottedKey: String) -> Int? {
        let parts = dottedKey.split(separator: ".").map(String.init)
        guard let leaf = parts.last else { return nil }
        let table = parts.dropLast().joined(separator: ".")
        var currentTable = ""
        var tableLine: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                currentTable = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                if currentTable == table { tableLine = index + 1 }
                continue
            }
            guard currentTable == table, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if key == leaf { return index + 1 }
        }
        return tableLine
    }
}
