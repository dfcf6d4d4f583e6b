/// Horizontal bars made of segments (one per series), each series drawn with its own glyph, a legend below.
///
/// Bars are scaled to the largest total. Segments are parts of a whole, so a negative segment cannot be stacked:
/// it is drawn as zero and a note under the legend says how many were.
///
/// ```text
/// Ana    ████▓▓▓▓▓▓▒  11
/// Kenji  ██▓▓          4
/// █ Won  ▓ Lost  ▒ Open
/// ```
public struct StackedBarChart: Sendable {
    /// One bar: its label and a value per series.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var values: [Double]
        public init(_ label: String, _ values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    public var series: [String]
    public var bars: [Bar]
    public var glyphs: ChartGlyphs

    public init(series: [String], bars: [Bar], glyphs: ChartGlyphs = .unicode) {
        self.series = series
        self.bars = bars
        self.glyphs = glyphs
    }

    public func lines(width: Int) -> [String] {
        let width = max(12, width)
        let cleaned = bars.map { $0.values.map { $0.isFinite && $0 > 0 ? $0 : 0 } }
        let negatives = bars.flatMap(\.values).filter { $0 < 0 }.count
        let totals = cleaned.map { $0.reduce(0, +) }
        let texts = totals.map(ChartNumber.format)
        let valueWidth = texts.map(DisplayWidth.of).max() ?? 0
        let labelWidth = min(bars.map { DisplayWidth.of(TextSanitizer.sanitize($0.label)) }.max() ?? 0, width / 3)
        let area = max(1, width - labelWidth - valueWidth - 2)
        let maxTotal = totals.max() ?? 0
        var lines = zip(bars, zip(cleaned, texts)).map { bar, pair in
            let (values, text) = pair
            // Cumulative rounding keeps the bar's length exact however the segments split it.
            var body = ""
            var before = 0.0
            var drawn = 0
            for (index, value) in values.enumerated() where maxTotal > 0 {
                before += value
                let end = Int((before / maxTotal * Double(area)).rounded())
                body += String(repeating: glyph(index), count: max(0, end - drawn))
                drawn = max(drawn, end)
            }
            body += String(repeating: " ", count: max(0, area - drawn))
            return ChartLabel.fit(ChartLabel.fit(bar.label, labelWidth) + " " + body + " " + ChartLabel.fit(text, valueWidth, alignRight: true), width)
        }
        lines.append(ChartLabel.fit(series.enumerated().map { "\(glyph($0.offset)) \(TextSanitizer.sanitize($0.element))" }.joined(separator: "  "), width))
        if negatives > 0 { lines.append(ChartLabel.fit("\(negatives) negative value\(negatives == 1 ? "" : "s") drawn as 0", width)) }
        return lines
    }

    private func glyph(_ index: Int) -> String { glyphs.series[index % glyphs.series.count] }
}
