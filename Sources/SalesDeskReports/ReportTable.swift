import Foundation
import SalesDeskDomain

/// A report's figures as a table any front end can show or export: named columns, rows of cells.
///
/// Cells keep their number next to its text, so CSV and JSON carry numbers and the screen can right-align them.
public struct ReportTable: Codable, Equatable, Sendable {
    /// One value: the text people read and, for figures, the number behind it.
    public struct Cell: Codable, Equatable, Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var number: Double?

        public init(_ text: String, number: Double? = nil) {
            self.text = text
            self.number = number
        }

        public init(stringLiteral value: String) { self.init(value) }

        /// A count.
        public static func count(_ value: Int) -> Cell { Cell(String(value), number: Double(value)) }
        /// A share as a percentage with one decimal, `—` when undefined.
        public static func percent(_ value: Double?) -> Cell {
            value.map { Cell(String(format: "%.1f %%", $0 * 100), number: $0 * 100) } ?? Cell("—")
        }
        /// Days with one decimal, `—` when undefined.
        public static func days(_ value: Double?) -> Cell {
            value.map { Cell(String(format: "%.1f", $0), number: $0) } ?? Cell("—")
        }
        /// An amount as the desk formats money (`12,500.00`), the number in major units.
        public static func money(_ amount: Money) -> Cell {
            Cell(amount.formattedAmount, number: amount.majorUnits)
        }
    }

    public var title: String
    public var columns: [String]
    public var rows: [[Cell]]
    /// Lines under the table: what was left out and why.
    public var notes: [String]

    public init(title: String, columns: [String], rows: [[Cell]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

extension Money {
    /// The amount in major units (`1250050` cents → `12500.5`), for ratios and charts.
    public var majorUnits: Double { Double(minorUnits) / pow(10, Double(currency.minorUnitDigits)) }
}
