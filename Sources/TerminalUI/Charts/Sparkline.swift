/// A one-line trend: one cell per value, its height from the lowest to the highest value shown.
///
/// Self-contained (it depends only on ``ChartGlyphs``): `Sparkline(values).line(width:)`. The range runs from the
/// smallest value (or zero, if all are positive) to the largest, so negative values sit below zero and an all-zero
/// series is a flat bottom line. More values than columns keep the latest ones, marked with a leading `…`.
///
/// ```text
/// ▁▂▄█▆▃▁
/// ```
public struct Sparkline: Sendable, Equatable {
    public var values: [Double]
    public var glyphs: ChartGlyphs

    public init(_ values: [Double], glyphs: ChartGlyphs = .unicode) {
        self.values = values
        self.glyphs = glyphs
    }

    /// The sparkline in at most `width` columns.
    public func line(width: Int) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        var shown = values.map { $0.isFinite ? $0 : 0 }
        var prefix = ""
        if shown.count > width {
            prefix = "…"
            shown = Array(shown.suffix(max(0, width - 1)))
        }
        let low = min(0, shown.min() ?? 0)
        let high = shown.max() ?? 0
        let top = glyphs.levels.count - 1
        return prefix + shown.map { value in
            guard high > low else { return glyphs.levels[0] }
            return glyphs.levels[Int(((value - low) / (high - low) * Double(top)).rounded())]
        }.joined()
    }

    /// The line with its range printed after it: `▁▂▄█ 0–120`.
    public func labelledLine(width: Int) -> String {
        guard !values.isEmpty else { return "no values" }
        let finite = values.filter(\.isFinite)
        let range = " \(ChartNumber.format(min(0, finite.min() ?? 0)))–\(ChartNumber.format(finite.max() ?? 0))"
        return line(width: max(1, width - DisplayWidth.of(range))) + range
    }
}
