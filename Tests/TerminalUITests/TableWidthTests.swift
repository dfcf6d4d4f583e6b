import Testing
@testable import TerminalUI

@Suite("Table column widths")
struct TableWidthTests {
    @Test("flexible columns share what the fixed ones leave by their weights, never below their minimum")
    func weightedShares() {
        let table = TableView(columns: [
            .init(title: "A", width: .fixed(10)),
            .init(title: "SUBJECT", width: .flexible(min: 5, weight: 2)),
            .init(title: "ACCOUNT", width: .flexible(min: 5)),
        ])
        // 100 columns − 10 fixed − 2 gaps = 88 to share: two thirds and one third.
        #expect(table.widths(for: 100) == [10, 58, 29])
        // 30 − 10 − 2 = 18: 12 and 6.
        #expect(table.widths(for: 30) == [10, 12, 6])
        // 20 − 10 − 2 = 8: 5 and 2, but the minimum is 5; the last column no longer fits and is dropped.
        #expect(table.widths(for: 20) == [10, 5])
    }

    @Test("without weights the flexible columns share equally, as before")
    func equalShares() {
        let table = TableView(columns: [.init(title: "A", width: .flexible(min: 4)), .init(title: "B", width: .flexible(min: 4))])
        #expect(table.widths(for: 41) == [20, 20])
    }
}

@Suite("Table rows")
struct TableRowTests {
    static let table = TableView(columns: [
        .init(title: "REP", width: .fixed(8)),
        .init(title: "A", width: .fixed(4), alignRight: true),
        .init(title: "B", width: .fixed(4), alignRight: true),
    ])

    static func draw(_ rows: [[TableView.TableCell]]) -> [String] {
        var grid = Grid(width: 18, height: rows.count + 1)
        var offset = 0
        table.render(rows: rows, selected: nil, offset: &offset, in: grid.bounds, grid: &grid, theme: .plain)
        return grid.textLines().map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test("a long label spills into the empty cells after it, and is cut with … only where a figure stands")
    func labelSpills() {
        let lines = Self.draw([
            [.init("Rescheduled: holiday"), .init(""), .init("5")],
            [.init("Ana Silva the Great"), .init("1"), .init("2")],
        ])
        #expect(lines[1] == "Rescheduled:…    5")
        #expect(lines[2] == "Ana Sil…    1    2")
        #expect(Self.draw([[.init("Rescheduled: holiday"), .init(""), .init("")]])[1] == "Rescheduled: holi…")
    }

    @Test("a figure too wide for its column shows its short form when it has one that fits, else it is cut with …")
    func shortForms() {
        let lines = Self.draw([
            [.init("Ana"), .init("12,500.00", short: "13k"), .init("12,500.00")],
            [.init("Kenji"), .init("7.5", short: "7.5"), .init("1,234,567.00", short: "1.2M!")],
        ])
        #expect(lines[1] == "Ana       13k 12,…")
        #expect(lines[2] == "Kenji     7.5 1,2…")
    }
}
