/// A line through equally spaced values, drawn in braille dots (2 × 4 per cell, as uniplot does) or, with ASCII
/// glyphs, in `*` cells; the y axis is labelled with its top and bottom, the x axis with its first and last label.
///
/// ```text
///  120 ┤   ⡠⠊⠉⠢⡀
///    0 ┤⠤⠊      ⠈⠢
///      Jan      Jun
/// ```
public struct LineChart: Sendable {
    public var values: [Double]
    /// Labels of the first and last point.
    public var xLabels: (first: String, last: String)
    public var glyphs: ChartGlyphs

    public init(_ values: [Double], xLabels: (first: String, last: String) = ("", ""), glyphs: ChartGlyphs = .unicode) {
        self.values = values
        self.xLabels = xLabels
        self.glyphs = glyphs
    }

    /// The chart in `width` columns and `height` rows (the last row holds the x labels).
    public func lines(width: Int, height: Int) -> [String] {
        let rows = max(2, height - 1)
        let finite = values.map { $0.isFinite ? $0 : 0 }
        let low = min(0, finite.min() ?? 0)
        let high = max(low, finite.max() ?? 0)
        let top = ChartNumber.format(high), bottom = ChartNumber.format(low)
        let axisWidth = max(DisplayWidth.of(top), DisplayWidth.of(bottom))
        let columns = max(2, width - axisWidth - 2)
        let (xScale, yScale) = glyphs.braille ? (2, 4) : (1, 1)
        var dots = [[Bool]](repeating: [Bool](repeating: false, count: columns * xScale), count: rows * yScale)
        let dotWidth = columns * xScale, dotHeight = rows * yScale
        func point(_ index: Int) -> (x: Int, y: Int) {
            let x = finite.count == 1 ? 0 : Int((Double(index) * Double(dotWidth - 1) / Double(finite.count - 1)).rounded())
            let fraction = high > low ? (finite[index] - low) / (high - low) : 0
            return (x, dotHeight - 1 - Int((fraction * Double(dotHeight - 1)).rounded()))
        }
        for index in finite.indices {
            let end = point(index)
            let start = index == 0 ? end : point(index - 1)
            Self.line(from: start, to: end) { dots[$1][$0] = true }
        }
        var lines: [String] = []
        for row in 0..<rows {
            var text = ""
            for column in 0..<columns {
                if glyphs.braille {
                    text.append(Self.braille(dots, column: column, row: row))
                } else {
                    text += dots[row][column] ? "*" : " "
                }
            }
            let label = row == 0 ? top : row == rows - 1 ? bottom : ""
            lines.append(ChartLabel.fit(label, axisWidth, alignRight: true) + " " + glyphs.axis + text)
        }
        let first = TextSanitizer.sanitize(xLabels.first), last = TextSanitizer.sanitize(xLabels.last)
        let gap = max(1, columns - DisplayWidth.of(first) - DisplayWidth.of(last))
        lines.append(ChartLabel.fit(String(repeating: " ", count: axisWidth + 2) + first + String(repeating: " ", count: gap) + last, width))
        return lines
    }

    /// The braille character of one cell: dots (col, row) map to bits 0x01 0x02 0x04 0x40 (left) and 0x08 0x10 0x20 0x80 (right).
    static func braille(_ dots: [[Bool]], column: Int, row: Int) -> Character {
        let bits: [(Int, Int, UInt32)] = [(0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80)]
        var value: UInt32 = 0x2800
        for (dx, dy, bit) in bits where dots[row * 4 + dy][column * 2 + dx] { value |= bit }
        return Character(Unicode.Scalar(value)!)
    }

    /// Bresenham's line between two dots.
    static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), plot: (Int, Int) -> Void) {
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            plot(x, y)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }
}
