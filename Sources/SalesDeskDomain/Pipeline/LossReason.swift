import Foundation

/// Why a deal was lost. Required to move a lead to Lost; `other` requires text.
public enum LossReason: Codable, Hashable, Sendable, CustomStringConvertible {
    case priceTooHigh
    case wentWithCompetitor
    case budgetConstraints
    case timingNotRight
    case featureGaps
    case other(String)

    /// The reasons a user picks from, in the order forms show them.
    public static let choices: [LossReason] = [
        .priceTooHigh, .wentWithCompetitor, .budgetConstraints, .timingNotRight, .featureGaps, .other(""),
    ]

    /// The stored code (`price_too_high`, `other`).
    public var code: String {
        switch self {
        case .priceTooHigh: "price_too_high"
        case .wentWithCompetitor: "went_with_competitor"
        case .budgetConstraints: "budget_constraints"
        case .timingNotRight: "timing_not_right"
        case .featureGaps: "feature_gaps"
        case .other: "other"
        }
    }

    /// The label users see (`Price too high`).
    public var label: String {
        switch self {
        case .priceTooHigh: "Price too high"
        case .wentWithCompetitor: "Went with competitor"
        case .budgetConstraints: "Budget constraints"
        case .timingNotRight: "Timing not right"
        case .featureGaps: "Feature gaps"
        case .other: "Other"
        }
    }

    /// Free text of `other`, nil for the fixed reasons.
    public var note: String? {
        if case .other(let text) = self { return text }
        return nil
    }

    public var description: String {
        if case .other(let text) = self { return "Other: \(text)" }
        return label
    }

    /// Rebuilds a reason from its stored code and note, or from a label or code a user typed.
    ///
    /// Throws when the text names no reason, or names `Other` without a note.
    public static func parse(_ text: String, note: String? = nil) throws(DomainError) -> LossReason {
        let wanted = StageKey.normalised(text).rawValue
        guard let match = choices.first(where: { $0.code == wanted || StageKey.normalised($0.label).rawValue == wanted }) else {
            throw DomainError.unknownLossReason(text)
        }
        guard case .other = match else { return match }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { throw DomainError.lossReasonNeedsText }
        return .other(trimmed)
    }

    /// The list users can pick from, for messages: `Price too high, Went with competitor, ...`.
    public static var choiceList: String { choices.map(\.label).joined(separator: ", ") }
}
