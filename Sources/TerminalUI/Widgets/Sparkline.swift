/// A row of small bars for a few counts (firings per day, sales per week): `▁▃█▁ ▂`.
///
/// Zero is a blank-looking low dot so a quiet day still takes its column; the tallest value fills the cell.
///
/// ```swift
/// Sparkline.render([0, 2, 5, 1])            // "·▃█▂"
/// Sparkline.render([0, 2, 5, 1], ascii: true) // ".-#:"
/// ```
public enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiBars: [Character] = [",", ":", "-", "=", "+", "*", "%", "#"]

    /// One character per value, scaled to the largest value.
    public static func render(_ values: [Int], ascii: Bool = false) -> String {
        let top = values.max() ?? 0
        let levels = ascii ? asciiBars : bars
        return String(values.map { value -> Character in
            guard value > 0, top > 0 else { return ascii ? "." : "·" }
            let index = Int((Double(value) / Double(top) * Double(levels.count - 1)).rounded(.up))
            return levels[min(levels.count - 1, max(0, index))]
        })
    }

    /// Draws the sparkline into `grid` at (x, y), clipped to `width`.
    public static func draw(_ values: [Int], into grid: inout Grid, x: Int, y: Int, width: Int, style: Style, ascii: Bool = false) {
        grid.put(render(Array(values.suffix(width)), ascii: ascii), x: x, y: y, style: style, maxWidth: width)
    }
}
