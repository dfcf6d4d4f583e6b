import Foundation

/// Closed deals summed along one dimension, as the report summaries hand them out (see `ClosedTally.Dimension`).
///
/// Every closed deal gives one ``Dimension/outcome`` tally; a lost deal also gives one ``Dimension/lossReason`` and
/// one ``Dimension/lostFrom`` tally. Summing deals this way lets a report read a few thousand pre-summed rows instead
/// of every deal, with the same counts and values.
public struct ClosedTally: Codable, Equatable, Sendable {
    /// What a tally is summed by besides owner, source, outcome and currency.
    public enum Dimension: Codable, Equatable, Hashable, Sendable {
        /// Every closed deal.
        case outcome
        /// Lost deals by the code of their loss reason (nil: none recorded).
        case lossReason(String?)
        /// Lost deals by the open stage they were lost from (nil: unknown).
        case lostFrom(StageKey?)
    }

    /// Which month of the report's period (index into ``ReportPeriod/months()``).
    public var month: Int
    public var dimension: Dimension
    public var ownerID: Int64
    public var ownerName: String
    public var source: LeadSource
    public var won: Bool
    public var currency: CurrencyCode
    public var deals: Int
    /// The deals' summed value in ``currency``, in minor units.
    public var valueMinor: Int64

    public init(month: Int, dimension: Dimension, ownerID: Int64, ownerName: String, source: LeadSource, won: Bool,
                currency: CurrencyCode, deals: Int, valueMinor: Int64) {
        self.month = month
        self.dimension = dimension
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.source = source
        self.won = won
        self.currency = currency
        self.deals = deals
        self.valueMinor = valueMinor
    }

    /// The tallies one deal gives, in month `month` of a report.
    public static func tallies(of deal: ClosedDeal, month: Int) -> [ClosedTally] {
        func tally(_ dimension: Dimension) -> ClosedTally {
            ClosedTally(month: month, dimension: dimension, ownerID: deal.ownerID, ownerName: deal.ownerName, source: deal.source,
                        won: deal.won, currency: deal.value.currency, deals: 1, valueMinor: deal.value.minorUnits)
        }
        guard !deal.won else { return [tally(.outcome)] }
        return [tally(.outcome), tally(.lossReason(deal.lossReason?.code)), tally(.lostFrom(deal.lostFrom))]
    }

    /// Tallies of `deals` closed in `period`, one month index per deal (deals outside the period are left out).
    public static func tallies(of deals: [ClosedDeal], in period: ReportPeriod) -> [ClosedTally] {
        let months = period.months()
        return deals.flatMap { deal -> [ClosedTally] in
            guard let month = months.firstIndex(where: { $0.contains(deal.closedAt) }) else { return [] }
            return tallies(of: deal, month: month)
        }
    }
}

/// Open deals summed by what the forecast and the scorecard need of them.
///
/// Deals are grouped by the last two digits of their value (`remainder`, the value's minor units modulo 100) so that
/// the weighted value, rounded per deal, can be worked out exactly from the sum (see ``weightedMinor(percent:)``).
public struct OpenPipelineGroup: Codable, Equatable, Sendable {
    /// The deals' owner; nil when the group sums every owner of the scope.
    public var ownerID: Int64?
    public var stage: StageKey
    /// The owner's choice; nil means the stage's default.
    public var categoryOverride: ForecastCategory?
    public var currency: CurrencyCode
    /// The expected close date shared by the group's deals; nil for deals without one.
    public var expectedClose: Date?
    /// `value minor units % 100` of every deal of the group (negative for negative values).
    public var remainder: Int64
    public var deals: Int
    public var valueMinor: Int64

    public init(ownerID: Int64?, stage: StageKey, categoryOverride: ForecastCategory?, currency: CurrencyCode, expectedClose: Date?,
                remainder: Int64, deals: Int, valueMinor: Int64) {
        self.ownerID = ownerID
        self.stage = stage
        self.categoryOverride = categoryOverride
        self.currency = currency
        self.expectedClose = expectedClose
        self.remainder = remainder
        self.deals = deals
        self.valueMinor = valueMinor
    }

    /// The group of one deal.
    public init(_ deal: ForecastDeal) {
        self.init(ownerID: deal.ownerID, stage: deal.stage, categoryOverride: deal.categoryOverride, currency: deal.value.currency,
                  expectedClose: deal.expectedClose, remainder: deal.value.minorUnits % 100, deals: 1, valueMinor: deal.value.minorUnits)
    }

    /// The category the forecast counts the group in (as ``ForecastDeal/category(in:)``).
    public func category(in pipeline: Pipeline) -> ForecastCategory? {
        stage == .won ? .closed : categoryOverride ?? ForecastCategory.default(for: stage, in: pipeline)
    }

    /// Σ round(value × percent ÷ 100) over the group's deals, each rounded half away from zero.
    ///
    /// Each value is `100 q + remainder`, and `100 q × percent ÷ 100 = q × percent` needs no rounding, so the sum is
    /// `Σq × percent + deals × round(remainder × percent ÷ 100)`.
    public func weightedMinor(percent: Int) -> Int64 {
        let wholeHundreds = (valueMinor - Int64(deals) * remainder) / 100
        return wholeHundreds * Int64(percent) + Int64(deals) * Self.weighted(remainder, percent)
    }

    /// `value × percent ÷ 100`, rounded half away from zero to a whole minor unit (one deal).
    public static func weighted(_ minorUnits: Int64, _ percent: Int) -> Int64 {
        let product = minorUnits * Int64(percent)
        return (product + (product >= 0 ? 50 : -50)) / 100
    }
}

/// A rep's follow-ups due in a period: done, and still planned past their due time.
public struct FollowUpCounts: Codable, Equatable, Sendable {
    public var done: Int
    public var overdue: Int

    public init(done: Int, overdue: Int) {
        self.done = done
        self.overdue = overdue
    }
}

/// Deals of one weekly forecast snapshot expected to close in a report's period, grouped, with what became of them.
public struct SnapshotGroup: Codable, Equatable, Sendable {
    /// The snapshot's Monday (00:00 UTC).
    public var weekStart: Date
    /// The deals as they stood at the snapshot: stage, category, currency and value remainder (see ``OpenPipelineGroup``).
    public var pipeline: OpenPipelineGroup
    /// How many of them were won in the period, and their won value (in ``OpenPipelineGroup/currency``).
    public var wonDeals: Int
    public var wonValueMinor: Int64

    public init(weekStart: Date, pipeline: OpenPipelineGroup, wonDeals: Int, wonValueMinor: Int64) {
        self.weekStart = weekStart
        self.pipeline = pipeline
        self.wonDeals = wonDeals
        self.wonValueMinor = wonValueMinor
    }
}
