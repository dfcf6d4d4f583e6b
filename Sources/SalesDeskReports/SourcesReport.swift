import Foundation
import SalesDeskDomain

/// Report 5, sources: per source, the leads created in the period, how many of them were won (conversion = won ÷
/// created, the cohort's outcome so far) and the value won from them.
public struct SourcesReport: Codable, Equatable, Sendable {
    /// What the store counts per source for the period's cohort.
    public typealias Count = SourceCount

    public var counts: [Count]

    public init(counts: [Count]) {
        self.counts = counts.sorted { ($0.created, $1.source.rawValue) > ($1.created, $0.source.rawValue) }
    }

    public var table: ReportTable {
        ReportTable(title: "Sources: leads created in the period", columns: ["Source", "Leads", "Won", "Conversion", "Won value"],
                    rows: counts.map { [.init($0.source.label), .count($0.created), .count($0.won), .percent(Statistics.ratio($0.won, $0.created)), .money($0.wonValue)] })
    }
}
