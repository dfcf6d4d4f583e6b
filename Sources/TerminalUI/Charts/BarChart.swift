/// Horizontal bars, one per labelled value, with the value printed after each bar.
///
/// Bars are scaled to the largest magnitude. With negative values a zero axis splits the bar area in proportion to
/// the largest negative and positive values, negative bars growing to the left. Long labels end in `…`.
///
/// ```text
/// Won    ████████████▌ 25
/// Lost   ██████        12
/// Open                  0
/// ```
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var bars: [Bar]
    public var glyphs: ChartGlyphs
    /// How values are printed after the bars.
    public var format: @Sendable (Double) -> String

    public init(_ bars: [Bar], glyphs: ChartGlyphs = .unicode, format: @escaping @Sendable (Double) -> String = ChartNumber.format) {
        self.bars = bars
        self.glyphs = glyphs
        self.format = format
    }

    /// The chart as lines of exactly `width` columns (at least 12).
    public func lines(width: Int) -> [String] {
        let width = max(12, width)
        let values = bars.map { $0.value.isFinite ? $0.value : 0 }
        let texts = zip(bars, values).map { format($0.value.isFinite ? $1 : $0.value) }
        let valueWidth = texts.map(DisplayWidth.of).max() ?? 0
        let labelWidth = min(bars.map { DisplayWidth.of(TextSanitizer.sanitize($0.label)) }.max() ?? 0, width / 3)
        let area = max(1, width - labelWidth - valueWidth - 2)
        let maxPositive = values.filter { $0 > 0 }.max() ?? 0
        let maxNegative = -(values.filter { $0 < 0 }.min() ?? 0)
        let hasNegative = maxNegative > 0
        let usable = hasNegative ? area - 1 : area
        let negativeCells = hasNegative ? Int((Double(usable) * maxNegative / (maxNegative + maxPositive)).rounded()) : 0
        let positiveCells = usable - negativeCells
        return zip(bars, zip(values, texts)).map { bar, pair in
            let (value, text) = pair
            var body: String
            if hasNegative {
                let left = value < 0 ? fill(-value / maxNegative * Double(negativeCells)) : ""
                let right = value > 0 ? fill(value / maxPositive * Double(positiveCells)) : ""
                body = String(repeating: " ", count: negativeCells - DisplayWidth.of(left)) + left + glyphs.axis
                    + right + String(repeating: " ", count: positiveCells - DisplayWidth.of(right))
            } else {
                let right = value > 0 && maxPositive > 0 ? fill(value / maxPositive * Double(positiveCells)) : ""
                body = right + String(repeating: " ", count: positiveCells - DisplayWidth.of(right))
            }
            let line = ChartLabel.fit(bar.label, labelWidth) + " " + body + " " + ChartLabel.fit(text, valueWidth, alignRight: true)
            return ChartLabel.fit(line, width)
        }
    }

    /// Whole cells plus an eighth-cell remainder (whole cells only in ASCII); any value above zero shows at least a sliver.
    func fill(_ cells: Double) -> String {
        let steps = glyphs.eighths.isEmpty ? 1 : 8
        var eighths = Int((cells * Double(steps)).rounded())
        if eighths == 0, cells > 0 { eighths = 1 }
        let whole = eighths / steps
        let remainder = eighths % steps
        return String(repeating: glyphs.full, count: whole) + (remainder > 0 ? glyphs.eighths[remainder - 1] : "")
    }
}
