import Foundation
import SalesDeskDomain

/// Report 2, stage speed: how long leads stay in each stage, against the stage's stall threshold, and pipeline velocity.
///
/// A **stay** is the time from entering a stage to leaving it (the next step of the lead's history); only stays
/// that ended in the period count, so a stage's figures describe leads that moved on. Won and Lost are never left.
public struct StageSpeedReport: Codable, Equatable, Sendable {
    /// Time one lead spent in one stage.
    public typealias Stay = StageStay

    /// One stage's figures.
    public struct Line: Codable, Equatable, Sendable {
        public var stage: StageKey
        public var name: String
        public var stays: Int
        public var medianDays: Double?
        public var meanDays: Double?
        /// The stage's stall threshold in days (nil: never stalls).
        public var stallDays: Int?
        /// Stays longer than the threshold.
        public var overThreshold: Int
    }

    public var lines: [Line]
    public var velocity: PipelineVelocity
    public var previousVelocity: PipelineVelocity

    /// The report from every stay (each stage's median, mean and stalls worked out here).
    public init(stays: [Stay], velocity: PipelineVelocity, previousVelocity: PipelineVelocity, pipeline: Pipeline) {
        let byStage = Dictionary(grouping: stays, by: \.stage)
        let summaries = pipeline.openStages.map { definition in
            let days = (byStage[definition.key] ?? []).map(\.days).sorted()
            return (definition.key, days, definition.stallDays.map { limit in days.filter { $0 > Double(limit) }.count } ?? 0)
        }
        self.init(lines: summaries.map { stage, days, over in
            (stage, days.count, days.reduce(0, +), MedianRanks.of(count: days.count).map { days[$0] }, over)
        }, velocity: velocity, previousVelocity: previousVelocity, pipeline: pipeline)
    }

    /// The report from the store's per-stage summaries (``StageStaySummary``: counts, totals and middle lengths).
    public init(summaries: [StageStaySummary], velocity: PipelineVelocity, previousVelocity: PipelineVelocity, pipeline: Pipeline) {
        let byStage = Dictionary(summaries.map { ($0.stage, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(lines: pipeline.openStages.map { definition in
            let summary = byStage[definition.key]
            return (definition.key, summary?.stays ?? 0, Double(summary?.totalSeconds ?? 0) / 86_400,
                    (summary?.middleSeconds ?? []).map { Double($0) / 86_400 }, summary?.overThreshold ?? 0)
        }, velocity: velocity, previousVelocity: previousVelocity, pipeline: pipeline)
    }

    /// Per stage: stays, their total days, the middle length(s) in days, stays past the threshold.
    private init(lines figures: [(StageKey, Int, Double, [Double], Int)], velocity: PipelineVelocity, previousVelocity: PipelineVelocity,
                 pipeline: Pipeline) {
        let definitions = Dictionary(pipeline.openStages.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        lines = figures.map { stage, stays, total, middle, over in
            Line(stage: stage, name: definitions[stage]?.name ?? stage.rawValue, stays: stays,
                 medianDays: Statistics.median(middle), meanDays: stays == 0 ? nil : total / Double(stays),
                 stallDays: definitions[stage]?.stallDays, overThreshold: over)
        }
        self.velocity = velocity
        self.previousVelocity = previousVelocity
    }

    /// One row per stage, then velocity and its factors with the change since the week before.
    public var table: ReportTable {
        var rows: [[ReportTable.Cell]] = lines.map {
            [.init($0.name), .count($0.stays), .days($0.medianDays), .days($0.meanDays),
             $0.stallDays.map { .count($0) } ?? "—", .count($0.overThreshold)]
        }
        let now = velocity, before = previousVelocity
        func change(_ a: Double?, _ b: Double?) -> ReportTable.Cell {
            guard let a, let b, b != 0 else { return "—" }
            return ReportTable.Cell(String(format: "%+.1f %% vs last week", (a - b) / abs(b) * 100), number: (a - b) / abs(b) * 100)
        }
        rows.append(["Open qualified deals", .count(now.openQualifiedDeals), change(Double(now.openQualifiedDeals), Double(before.openQualifiedDeals)), "", "", ""])
        rows.append(["Win rate", .percent(now.winRate), change(now.winRate, before.winRate), "", "", ""])
        rows.append(["Average won value", now.averageWonValue.map { .money($0) } ?? "—", change(now.averageWonValue.map(\.majorUnits), before.averageWonValue.map(\.majorUnits)), "", "", ""])
        rows.append(["Median cycle (days)", .days(now.medianCycleDays), change(now.medianCycleDays, before.medianCycleDays), "", "", ""])
        rows.append(["Velocity per day", now.perDay.map { .money($0) } ?? "—", change(now.perDay.map(\.majorUnits), before.perDay.map(\.majorUnits)), "", "", ""])
        return ReportTable(title: "Stage speed", columns: ["Stage", "Stays", "Median days", "Mean days", "Stall after", "Over threshold"], rows: rows)
    }
}

/// Pipeline velocity = open qualified deals × win rate × average won value ÷ median sales cycle (days): the value the
/// pipeline turns into won business per day.
public struct PipelineVelocity: Codable, Equatable, Sendable {
    /// The first stage at which an open deal counts as qualified.
    public static let qualifiedFrom: StageKey = .connected

    public var openQualifiedDeals: Int
    public var winRate: Double?
    public var averageWonValue: Money?
    public var medianCycleDays: Double?

    public init(openQualifiedDeals: Int, winRate: Double?, averageWonValue: Money?, medianCycleDays: Double?) {
        self.openQualifiedDeals = openQualifiedDeals
        self.winRate = winRate
        self.averageWonValue = averageWonValue
        self.medianCycleDays = medianCycleDays
    }

    /// The factors from the deals closed in a window and the open qualified count at its end.
    public init(openQualifiedDeals: Int, closed: [ClosedDeal], currency: CurrencyCode) {
        self.init(openQualifiedDeals: openQualifiedDeals, totals: ClosedDealTotals(closed, currency: currency), currency: currency)
    }

    /// The factors from the totals of the deals closed in a window (values in `currency`) and the open qualified count
    /// at its end.
    public init(openQualifiedDeals: Int, totals: ClosedDealTotals, currency: CurrencyCode) {
        self.init(
            openQualifiedDeals: openQualifiedDeals,
            winRate: Statistics.ratio(totals.won, totals.deals),
            averageWonValue: totals.wonInCurrency == 0 ? nil : Money(minorUnits: totals.wonValueMinor / Int64(totals.wonInCurrency), currency: currency),
            medianCycleDays: Statistics.median(totals.wonCycleSeconds.map { Double($0) / 86_400 }))
    }

    /// Value per day; nil when a factor is unknown or the cycle is zero.
    public var perDay: Money? {
        guard let winRate, let averageWonValue, let medianCycleDays, medianCycleDays > 0 else { return nil }
        let minor = (Double(openQualifiedDeals) * winRate * Double(averageWonValue.minorUnits) / medianCycleDays).rounded()
        return Money(minorUnits: Int64(minor), currency: averageWonValue.currency)
    }
}
