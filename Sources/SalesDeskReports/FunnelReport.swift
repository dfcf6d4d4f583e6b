import Foundation
import SalesDeskDomain

/// Report 1, funnel and conversion: of the leads created in the period (the cohort), how many reached each stage.
///
/// **Reached** counts the furthest stage a lead ever entered, in pipeline order, with Won past every open stage:
/// a lead that skipped stages reached the ones it skipped (it passed them), and a lead that moved back still
/// reached the furthest stage it had been in. Lost is not a step of the funnel: a lost lead reached the furthest
/// open stage it was in before it was lost.
public struct FunnelReport: Codable, Equatable, Sendable {
    /// How many leads of the cohort got no further than `furthest` (the store's aggregate, one per stage).
    public typealias Count = FunnelCount

    /// One stage of the funnel.
    public struct Step: Codable, Equatable, Sendable {
        public var stage: StageKey
        public var name: String
        /// Leads of the cohort that reached this stage or went past it.
        public var reached: Int
        /// `reached ÷ reached at the step before`; nil for the first step or after an empty step.
        public var conversion: Double?
        /// Leads that reached the step before but not this one.
        public var dropOff: Int
    }

    public var cohort: Int
    public var steps: [Step]

    /// The funnel of a cohort from the furthest stage each lead reached.
    public init(counts: [Count], pipeline: Pipeline) {
        let order = pipeline.openStages.map(\.key) + [.won]
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var atRank = [Int](repeating: 0, count: order.count)
        for count in counts {
            // A lead whose only stages were unknown ones counts as having entered the first stage.
            atRank[rank[count.furthest] ?? 0] += count.leads
        }
        cohort = atRank.reduce(0, +)
        var reachedFromHere = 0
        var reached = [Int](repeating: 0, count: order.count)
        for index in order.indices.reversed() {
            reachedFromHere += atRank[index]
            reached[index] = reachedFromHere
        }
        steps = order.indices.map { index in
            let before = index == 0 ? nil : reached[index - 1]
            return Step(stage: order[index], name: pipeline.name(of: order[index]), reached: reached[index],
                        conversion: before.flatMap { Statistics.ratio(reached[index], $0) },
                        dropOff: before.map { $0 - reached[index] } ?? 0)
        }
    }

    /// The furthest stage of one lead's path (stages it entered, in order), by the rule of this report; nil for no known stage.
    public static func furthest(of path: [StageKey], pipeline: Pipeline) -> StageKey? {
        let order = pipeline.openStages.map(\.key) + [.won]
        return path.compactMap { order.firstIndex(of: $0) }.max().map { order[$0] }
    }

    /// Stage, reached, conversion from the step before, drop-off.
    public var table: ReportTable {
        ReportTable(title: "Funnel: \(cohort) leads created in the period", columns: ["Stage", "Reached", "Conversion", "Drop-off"],
                    rows: steps.map { [.init($0.name), .count($0.reached), .percent($0.conversion), .count($0.dropOff)] })
    }
}
