import Foundation

/// How sure the owner is of a deal, for the forecast: Pipeline < Best case < Commit < Closed.
///
/// Each open lead has one by default from its stage's win probability (``default(for:in:)``); its owner may
/// override it per lead. Won deals are Closed; lost deals are in no category.
public enum ForecastCategory: String, Codable, CaseIterable, Sendable {
    case pipeline
    case bestCase = "best_case"
    case commit
    case closed

    /// The label users see.
    public var label: String {
        switch self {
        case .pipeline: "Pipeline"
        case .bestCase: "Best case"
        case .commit: "Commit"
        case .closed: "Closed"
        }
    }

    /// Win probability (percent) from which an open stage counts as Best case by default.
    public static let bestCaseFromProbability = 40
    /// Win probability (percent) from which an open stage counts as Commit by default.
    public static let commitFromProbability = 75

    /// The category a lead in `stage` has unless its owner chose another; nil for Lost.
    public static func `default`(for stage: StageKey, in pipeline: Pipeline) -> ForecastCategory? {
        switch stage {
        case .won: return .closed
        case .lost: return nil
        default:
            let probability = pipeline.winProbability(of: stage)
            if probability >= commitFromProbability { return .commit }
            if probability >= bestCaseFromProbability { return .bestCase }
            return .pipeline
        }
    }

    /// Finds a category by code or label (`best case`, `best_case`, `Best case`).
    public static func parse(_ text: String) -> ForecastCategory? {
        let wanted = StageKey.normalised(text).rawValue
        return allCases.first { $0.rawValue == wanted }
    }
}

/// A sales target a manager set for one rep or one team over one period.
public struct Quota: Codable, Equatable, Sendable {
    /// Whose target it is.
    public enum Holder: Codable, Hashable, Sendable {
        case rep(Int64)
        case team(Int64)
    }

    public var holder: Holder
    public var period: ReportPeriod
    public var target: Money

    public init(holder: Holder, period: ReportPeriod, target: Money) {
        self.holder = holder
        self.period = period
        self.target = target
    }
}

/// An open or won lead as the forecast reads it.
public struct ForecastDeal: Codable, Equatable, Sendable {
    public var leadID: Int64
    public var title: String
    public var ownerID: Int64
    public var ownerName: String
    public var teamID: Int64?
    public var stage: StageKey
    public var value: Money
    /// When the owner expects it to close; nil deals are listed as undated and not forecast.
    public var expectedClose: Date?
    /// The owner's choice; nil means the stage's default.
    public var categoryOverride: ForecastCategory?
    /// For won deals: when they were won.
    public var wonAt: Date?

    public init(leadID: Int64, title: String, ownerID: Int64, ownerName: String, teamID: Int64? = nil, stage: StageKey, value: Money,
                expectedClose: Date?, categoryOverride: ForecastCategory? = nil, wonAt: Date? = nil) {
        self.leadID = leadID
        self.title = title
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.teamID = teamID
        self.stage = stage
        self.value = value
        self.expectedClose = expectedClose
        self.categoryOverride = categoryOverride
        self.wonAt = wonAt
    }

    /// The category the forecast counts it in.
    public func category(in pipeline: Pipeline) -> ForecastCategory? {
        stage == .won ? .closed : categoryOverride ?? ForecastCategory.default(for: stage, in: pipeline)
    }
}
