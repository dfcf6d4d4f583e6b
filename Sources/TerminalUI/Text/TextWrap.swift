/// Breaks text into lines of at most a given display width, at spaces where it can and mid-word where a word
/// is longer than a line, so a message is shown whole instead of cut at a dialog's edge.
public enum TextWrap {
    /// The lines of `text` (sanitised) for `width` columns; explicit newlines start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in TextSanitizer.sanitize(String(paragraph)).split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let taken = max(1, prefixLength(of: word, fitting: width))
                    lines.append(String(word.prefix(taken)))
                    word = String(word.dropFirst(taken))
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}

extension TextWrap {
    /// How many characters of `text` fit in `width` columns.
    static func prefixLength(of text: String, fitting width: Int) -> Int {
        var used = 0
        var count = 0
        for character in text {
            used += DisplayWidth.of(character)
            if used > width { break }
            count += 1
        }
        return count
    }
}
