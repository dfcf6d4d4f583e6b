/// The one gate every piece of data text passes before it is drawn.
///
/// Controls that could drive the terminal become visible placeholders, so no customer-supplied
/// name can move the cursor, clear the screen, set the title or write the clipboard:
///
/// | input | shown as |
/// |---|---|
/// | C0 controls U+0000–U+001F (ESC, BEL, CR, LF, TAB, …) | the Unicode control picture (`␛`, `␇`, `␍`, `␊`, `␉`, …) |
/// | DEL U+007F | `␡` |
/// | C1 controls U+0080–U+009F (incl. the one-byte CSI U+009B) | `�` |
/// | bidi overrides and isolates U+202A–U+202E, U+2066–U+2069 | `�` |
/// | line and paragraph separators U+2028, U+2029 | `␤` |
public enum TextSanitizer {
    /// `text` with every terminal-driving character replaced as in the table above.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(needsReplacement(scalar) ? replacement(for: scalar) : scalar)
        }
        return String(scalars)
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        case 0x2028, 0x2029: "\u{2424}"
        default: "\u{FFFD}"
        }
    }
}
