/// A grid of counts shaded by size (rows such as weekdays, columns such as hours), with its scale underneath.
///
/// Shades split the range from zero to the largest value into equal steps; any value above zero gets at least
/// the lightest shade, so nothing non-zero looks empty. Negative values are drawn as zero and counted in a note.
///
/// ```text
///     0     6     12    18
/// Mon    ░▒▓█▓▒
/// scale: ░ 1–3  ▒ 4–6  ▓ 7–9  █ 10–12
/// ```
public struct Heatmap: Sendable {
    public var rowLabels: [String]
    /// `values[row][column]`.
    public var values: [[Double]]
    /// Column labels printed every `labelEvery` columns on the header line (nil: no header).
    public var columnLabels: [String]?
    public var labelEvery: Int
    public var glyphs: ChartGlyphs

    public init(rowLabels: [String], values: [[Double]], columnLabels: [String]? = nil, labelEvery: Int = 6, glyphs: ChartGlyphs = .unicode) {
        self.rowLabels = rowLabels
        self.values = values
        self.columnLabels = columnLabels
        self.labelEvery = max(1, labelEvery)
        self.glyphs = glyphs
    }

    public func lines(width: Int) -> [String] {
        let labelWidth = rowLabels.map { DisplayWidth.of(TextSanitizer.sanitize($0)) }.max() ?? 0
        let high = values.joined().filter(\.isFinite).max() ?? 0
        let steps = glyphs.shades.count - 1
        var lines: [String] = []
        if let columnLabels {
            var header = String(repeating: " ", count: labelWidth + 1)
            var column = 0
            while column < columnLabels.count {
                header += ChartLabel.fit(columnLabels[column], labelEvery)
                column += labelEvery
            }
            lines.append(ChartLabel.fit(header, width))
        }
        for (label, row) in zip(rowLabels, values) {
            let cells = row.map { value -> String in
                guard value.isFinite, value > 0, high > 0 else { return glyphs.shades[0] }
                return glyphs.shades[max(1, Int((value / high * Double(steps)).rounded(.up)))]
            }.joined()
            lines.append(ChartLabel.fit(ChartLabel.fit(label, labelWidth) + " " + cells, width))
        }
        if high > 0 {
            let scale = (1...steps).map { step in
                let from = high * Double(step - 1) / Double(steps), to = high * Double(step) / Double(steps)
                return "\(glyphs.shades[step]) \(ChartNumber.format(from))–\(ChartNumber.format(to))"
            }
            lines.append(ChartLabel.fit("scale: " + scale.joined(separator: "  "), width))
        } else {
            lines.append(ChartLabel.fit("scale: all zero", width))
        }
        let negatives = values.joined().filter { $0 < 0 }.count
        if negatives > 0 { lines.append(ChartLabel.fit("\(negatives) negative value\(negatives == 1 ? "" : "s") drawn as 0", width)) }
        return lines
    }
}
