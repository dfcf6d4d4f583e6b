import Foundation
import SalesDeskReports
import SalesDeskStore
import TerminalUI

/// A report's table written out as CSV, JSON, Markdown or a plain text table (with its chart), for the CLI and
/// the screen's export. Every cell is sanitised (``TextSanitizer``) so names cannot carry terminal escapes.
public enum ReportExport {
    /// The whole report in `format`; `width` and `glyphs` shape the chart of the text table.
    public static func render(_ view: ReportView, as format: ReportFormat, width: Int = 100, glyphs: ChartGlyphs = .unicode) throws -> String {
        switch format {
        case .table: text(view, width: width, glyphs: glyphs)
        case .csv: csv(view.table)
        case .md: markdown(view)
        case .json: try json(view)
        }
    }

    /// Heading, chart, aligned table and notes.
    public static func text(_ view: ReportView, width: Int, glyphs: ChartGlyphs) -> String {
        var lines = [clean(view.heading), clean(view.table.title), ""]
        let chart = view.chart.lines(width: width, glyphs: glyphs).map(trimmingTrailingBlanks)
        if !chart.isEmpty { lines += chart + [""] }
        let table = view.table
        let cells = table.rows.map { $0.map { clean($0.text) } }
        let widths = table.columns.indices.map { column in
            ([clean(table.columns[column])] + cells.map { column < $0.count ? $0[column] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        // Columns holding figures are right-aligned, text columns left-aligned.
        let numeric = table.columns.indices.map { column in table.rows.contains { column < $0.count && $0[column].number != nil } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                DisplayWidth.fit(cell, to: widths[index], alignRight: numeric[index])
            }.joined(separator: "  ")
        }
        lines.append(line(table.columns.map(clean)))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += cells.map(line)
        if !table.notes.isEmpty { lines += [""] + table.notes.map(clean) }
        return lines.map(trimmingTrailingBlanks).joined(separator: "\n")
    }

    /// RFC 4180 CSV of the table, header first (formula-guarded like every desk export).
    public static func csv(_ table: ReportTable) -> String {
        ([table.columns] + table.rows.map { $0.map(\.text) })
            .map { $0.map { CSVWriter.cell(clean($0)) }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A Markdown heading and table, `|` in cells escaped.
    public static func markdown(_ view: ReportView) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { clean($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = ["## \(clean(view.heading))", "", clean(view.table.title), "", row(view.table.columns),
                     "|" + view.table.columns.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()]
        lines += view.table.rows.map { row($0.map(\.text)) }
        if !view.table.notes.isEmpty { lines += [""] + view.table.notes.map { "- " + clean($0) } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{report, title, period: {from, to, timeZone}, scope, columns, rows: [{column: value}], notes}`; figures as numbers.
    public static func json(_ view: ReportView) throws -> String {
        struct Output: Encodable {
            var report: String
            var title: String
            var period: Period
            var scope: String
            var columns: [String]
            var rows: [[String: Value]]
            var notes: [String]
        }
        struct Period: Encodable {
            var from: Date
            var to: Date
            var timeZone: String
        }
        enum Value: Encodable {
            case text(String), number(Double), none
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .number(let number): try container.encode(number)
                case .none: try container.encodeNil()
                }
            }
        }
        let table = view.table
        let output = Output(
            report: view.name.rawValue, title: clean(table.title),
            period: Period(from: view.period.start, to: view.period.end, timeZone: view.period.timeZoneID), scope: clean(view.scope),
            columns: table.columns,
            rows: table.rows.map { cells in
                Dictionary(zip(table.columns, cells).map { column, cell in
                    // Figures are numbers; an undefined one (`—`, a rate of nothing) is null.
                    (column, cell.number.map(Value.number) ?? (cell.text == "—" ? .none : .text(clean(cell.text))))
                }, uniquingKeysWith: { first, _ in first })
            },
            notes: table.notes.map(clean))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    private static func clean(_ text: String) -> String { TextSanitizer.sanitize(text) }

    /// The line without its trailing spaces, found byte by byte (a space is one byte in UTF-8, so the cut is always
    /// on a character boundary): a report of 20,000 rows spent seconds here walking reversed characters.
    private static func trimmingTrailingBlanks(_ line: String) -> String {
        guard let last = line.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(decoding: line.utf8[...last], as: UTF8.self)
    }
}
