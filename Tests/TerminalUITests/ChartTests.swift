import Testing
import TerminalUI

/// Chart snapshots: each chart's text, trailing blanks trimmed, exactly as a terminal shows it.
@Suite("Charts as text")
struct ChartTests {
    private func trimmed(_ lines: [String]) -> [String] {
        lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test("horizontal bars scale to the largest value, show eighths, and print zero as an empty bar with its value")
    func bars() {
        let chart = BarChart([.init("Won", 4), .init("Lost", 2), .init("Open", 0)])
        #expect(chart.lines(width: 20).allSatisfy { DisplayWidth.of($0) == 20 })
        #expect(trimmed(chart.lines(width: 20)) == [
            "Won  █████████████ 4",
            "Lost ██████▌       2",
            "Open               0",
        ])
    }

    @Test("negative values grow left of a zero axis sized in proportion to the largest negative and positive values")
    func negativeBars() {
        #expect(trimmed(BarChart([.init("Up", 3), .init("Down", -1)]).lines(width: 20)) == [
            "Up      │████████  3",
            "Down ███│         -1",
        ])
    }

    @Test("a huge value is printed in short form and a tiny one still shows a sliver")
    func hugeValues() {
        #expect(trimmed(BarChart([.init("A", 1e15), .init("B", 1)]).lines(width: 20)) == [
            "A ██████████ 1.0e+15",
            "B ▏                1",
        ])
    }

    @Test("ASCII bars use whole # cells and a long label is cut with an ellipsis, never silently")
    func asciiBars() {
        #expect(trimmed(BarChart([.init("Won", 4), .init("Lost", 2)], glyphs: .ascii).lines(width: 20)) == [
            "Won  ############# 4",
            "Lost #######       2",
        ])
        let long = BarChart([.init("A very long customer name", 1)]).lines(width: 30)
        #expect(long[0].hasPrefix("A very lo… "))
    }

    @Test("stacked bars tell series apart by glyph, so they read in a mono theme, and say when a negative was drawn as zero")
    func stackedBars() {
        let chart = StackedBarChart(series: ["Won", "Lost"], bars: [.init("Ana", [2, 2]), .init("Kenji", [1, 0]), .init("Lee", [-1, 2])])
        #expect(trimmed(chart.lines(width: 20)) == [
            "Ana   ██████▓▓▓▓▓▓ 4",
            "Kenji ███          1",
            "Lee   ▓▓▓▓▓▓       2",
            "█ Won  ▓ Lost",
            "1 negative value dr…",
        ])
    }

    @Test("a sparkline runs from zero (or the lowest value) to the highest, flat for all zeros")
    func sparklines() {
        #expect(Sparkline([0, 1, 2, 3, 4, 5, 6, 7]).line(width: 10) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline([0, 0, 0]).line(width: 10) == "▁▁▁")
        #expect(Sparkline([-2, 0, 2]).line(width: 10) == "▁▅█")
        #expect(Sparkline([0, 7], glyphs: .ascii).line(width: 10) == "_@")
        #expect(Sparkline([]).line(width: 10) == "")
        #expect(Sparkline([0, 120]).labelledLine(width: 10) == "▁█ 0–120")
    }

    @Test("a sparkline longer than its width keeps the latest values and marks the cut")
    func sparklineCut() {
        #expect(Sparkline([1, 2, 3, 4, 5]).line(width: 3) == "…▇█")
    }

    @Test("an ASCII line chart draws its line in * cells between labelled axes")
    func asciiLine() {
        #expect(LineChart([0, 3], xLabels: ("a", "b"), glyphs: .ascii).lines(width: 8, height: 5) == [
            "3 |    *",
            "  |  ** ",
            "  | *   ",
            "0 |*    ",
            "   a   b",
        ])
    }

    @Test("a braille line chart packs 2 × 4 dots per cell: a flat zero line is the bottom dots of the bottom row")
    func brailleLine() {
        #expect(LineChart([0, 0]).lines(width: 5, height: 3) == ["0 │⠀⠀", "0 │⣀⣀", "     "])
    }

    @Test("a heatmap shades by size, gives any non-zero value at least the lightest shade, and prints its scale")
    func heatmap() {
        let map = Heatmap(rowLabels: ["Mon", "Tue"], values: [[0, 1, 2, 4], [0, 0, 0, 0]])
        #expect(trimmed(map.lines(width: 40)) == ["Mon  ░▒█", "Tue", "scale: ░ 0–1  ▒ 1–2  ▓ 2–3  █ 3–4"])
        #expect(trimmed(Heatmap(rowLabels: ["Mon"], values: [[0, 0]]).lines(width: 20)) == ["Mon", "scale: all zero"])
        #expect(trimmed(Heatmap(rowLabels: ["Mon"], values: [[1, 4]], glyphs: .ascii).lines(width: 40))[0] == "Mon .#")
    }

    @Test("chart numbers are short: thousands, millions, billions, negatives")
    func numbers() {
        #expect(ChartNumber.format(950) == "950")
        #expect(ChartNumber.format(12_500) == "12.5k")
        #expect(ChartNumber.format(3_400_000) == "3.4M")
        #expect(ChartNumber.format(-2_100_000_000) == "-2.1B")
        #expect(ChartNumber.format(0) == "0")
        #expect(ChartNumber.format(2.5) == "2.5")
    }

    @Test("a chart drawn into a grid is clipped to its rectangle, the cut marked with …")
    func drawIntoGrid() {
        var grid = Grid(width: 10, height: 2)
        grid.draw(lines: ["1234567890ABC", "x", "never"], in: Rect(x: 1, y: 0, width: 5, height: 2))
        #expect(grid.textLines().map { String($0.reversed().drop { $0 == " " }.reversed()) } == [" 1234…", " x"])
    }
}
