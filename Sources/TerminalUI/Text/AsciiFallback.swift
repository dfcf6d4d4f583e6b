import Foundation

/// What a cell shows when the terminal's locale is not UTF-8 (`LANG=C`): the desk's own symbols become their
/// ASCII look-alikes, accented letters lose their accents, and anything else becomes `?` (a wide character's
/// second column too, drawn by the terminal), so the layout keeps its widths and no byte sequence the terminal
/// cannot decode is ever sent.
public enum AsciiFallback {
    /// One ASCII character for one cell's text.
    public static func cell(_ text: String) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        if let symbol = symbols[text] { return symbol }
        // The sanitiser's control pictures (U+2400–U+2426) stay visible as a caret, like `^[` for ESC.
        if let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1, (0x2400...0x2426).contains(scalar.value) { return "^" }
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        if folded.count == 1, folded.allSatisfy(\.isASCII) { return folded }
        if let letter = letters[text] { return letter }
        return "?"
    }

    /// Box drawing, arrows, markers, punctuation and the sanitiser's control pictures.
    static let symbols: [String: String] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "▶": ">", "◀": "<", "▸": ">", "●": "*", "•": "*", "·": ".", "…": ".", "—": "-", "–": "-", "×": "x", "÷": "/",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "⇄": "=", "✓": "v", "✗": "x", "█": "#", "░": ".", "▒": ":",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "€": "E", "£": "L", "¥": "Y", "≥": ">", "≤": "<",
        "\u{FFFD}": "?",
    ]

    /// Letters that do not fold to a single ASCII letter.
    static let letters: [String: String] = [
        "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "œ": "o", "Œ": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "ı": "i", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D",
    ]

    /// Whether the process's character set (after `setlocale(LC_ALL, "")`) is UTF-8.
    public static func localeIsUTF8(codeset: String) -> Bool {
        let normalized = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return normalized == "UTF8"
    }
}
