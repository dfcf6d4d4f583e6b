/// The characters charts draw with: Unicode blocks and braille, or plain ASCII for terminals without UTF-8.
///
/// Series are told apart by glyph as well as by colour, so every chart reads in a mono theme and under `NO_COLOR`.
public struct ChartGlyphs: Sendable, Equatable {
    /// A full bar cell.
    public var full: String
    /// Partial bar cells, one eighth to seven eighths (ASCII has none: bars round to whole cells).
    public var eighths: [String]
    /// Fill of each stacked series, in order (repeats when there are more series).
    public var series: [String]
    /// Sparkline levels, lowest first.
    public var levels: [String]
    /// Heatmap shades, empty first.
    public var shades: [String]
    /// The zero axis of bars with negative values.
    public var axis: String
    /// Whether line charts may use braille dots (2 × 4 per cell).
    public var braille: Bool

    public static let unicode = ChartGlyphs(
        full: "█", eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], series: ["█", "▓", "▒", "░"],
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], shades: [" ", "░", "▒", "▓", "█"], axis: "│", braille: true)

    public static let ascii = ChartGlyphs(
        full: "#", eighths: [], series: ["#", "=", "+", "."], levels: ["_", ".", "-", "=", "+", "*", "#", "@"],
        shades: [" ", ".", ":", "*", "#"], axis: "|", braille: false)
}

/// Short, exact-enough numbers for chart labels: `950`, `12.5k`, `3.4M`, `-2.1B`, `1.2e+15`.
public enum ChartNumber {
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        switch magnitude {
        case 0: return "0"
        case ..<1_000:
            return sign + (magnitude == magnitude.rounded() ? String(Int(magnitude)) : trimmed(magnitude, digits: magnitude < 10 ? 2 : 1))
        case ..<1_000_000: return sign + trimmed(magnitude / 1_000, digits: 1) + "k"
        case ..<1_000_000_000: return sign + trimmed(magnitude / 1_000_000, digits: 1) + "M"
        case ..<1_000_000_000_000: return sign + trimmed(magnitude / 1_000_000_000, digits: 1) + "B"
        default: return sign + String(format: "%.1e", magnitude)
        }
    }

    private static func trimmed(_ value: Double, digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A label cut to fit, marked with `…` when it was cut (never silently).
enum ChartLabel {
    static func fit(_ text: String, _ columns: Int, alignRight: Bool = false) -> String {
        DisplayWidth.fit(TextSanitizer.sanitize(text), to: columns, alignRight: alignRight)
    }
}

extension Grid {
    /// Draws chart lines from the top-left of `rect`, one per row, clipped to it.
    public mutating func draw(lines: [String], in rect: Rect, style: Style = .plain) {
        for (row, line) in lines.prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
    }
}
