import Foundation

/// The rule for text arriving in an import cell, applied before any other check.
///
/// | cell content | result |
/// |---|---|
/// | bytes that are not UTF-8 | the row is rejected: `not valid UTF-8 text` |
/// | NUL (U+0000) | the row is rejected: `contains a NUL character` |
/// | other C0 controls, DEL, C1 controls (ESC, CSI, ...), bidi overrides and isolates U+202A–U+202E, U+2066–U+2069, U+2028/U+2029 | removed; the row is imported and flagged |
/// | tab, CR, LF | kept in notes; a single space in one-line fields |
/// | a leading `'` before `=` `+` `-` `@` | removed: it is the formula guard the desk's CSV export adds |
///
/// Surrounding whitespace is trimmed and runs of spaces inside one-line fields collapse to one.
public enum ImportText {
    /// Why a cell cannot be used at all.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case invalidUTF8, nul

        public var description: String {
            switch self {
            case .invalidUTF8: "not valid UTF-8 text"
            case .nul: "contains a NUL character"
            }
        }
    }

    /// A cleaned cell and whether anything was removed.
    public struct Cleaned: Equatable, Sendable {
        public var text: String
        public var removedControls: Bool
    }

    /// Cleans one cell; `multiline` keeps tabs and line breaks (notes).
    public static func clean(_ cell: String?, multiline: Bool = false) throws(Refusal) -> Cleaned {
        guard var cell else { throw .invalidUTF8 }
        if cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@".contains(second) { cell.removeFirst() }
        if cell.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Fast path: printable ASCII only.
            return Cleaned(text: trimmedASCII(cell), removedControls: false)
        }
        var removed = false
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in cell.unicodeScalars {
            let value = scalar.value
            if value == 0 { throw .nul }
            if value == 0x09 || value == 0x0A || value == 0x0D {
                if multiline { scalars.append(scalar); lastWasSpace = false; continue }
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            if isRemoved(value) { removed = true; continue }
            if !multiline, scalar == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            scalars.append(scalar)
        }
        return Cleaned(text: String(scalars).trimmed, removedControls: removed)
    }

    /// Whether a scalar is a control that stored text must not carry: C0 (but NUL, which refuses the row),
    /// DEL, C1 (ESC, CSI, ...), bidi overrides and isolates, line and paragraph separators. Also what the
    /// iCalendar export strips.
    public static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0x01...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func trimmedASCII(_ text: String) -> String {
        let bytes = text.utf8
        var previous: UInt8 = 0
        var doubleSpace = false
        for byte in bytes {
            if byte == 0x20 && previous == 0x20 { doubleSpace = true; break }
            previous = byte
        }
        guard bytes.first == 0x20 || bytes.last == 0x20 || doubleSpace else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
