import Foundation

/// The lead pipeline as data: open stages in order, then the terminal Won and Lost.
///
/// Allowed moves: forward, skip ahead, back, to Lost from any open stage (with a reason),
/// to Won from any open stage, and reactivation from Lost to any open stage. Won is final.
/// The On Hold flag belongs to ``holdStage`` only.
public struct Pipeline: Codable, Equatable, Sendable {
    public var openStages: [StageDefinition]
    /// The stage whose deals may be put On Hold (Negotiation by default).
    public var holdStage: StageKey

    public init(openStages: [StageDefinition], holdStage: StageKey = .negotiation) {
        self.openStages = openStages
        self.holdStage = holdStage
    }

    /// The pipeline of the domain page, with its default stall thresholds and win probabilities.
    public static let standard = Pipeline(openStages: [
        StageDefinition(key: .open, name: "Open", stallDays: 1, winProbability: 5),
        StageDefinition(key: .firstContact, name: "First Contact", stallDays: 3, winProbability: 10),
        StageDefinition(key: .connected, name: "Connected", stallDays: 7, winProbability: 20),
        StageDefinition(key: .demoScheduled, name: "Demo Scheduled", stallDays: 1, stallAnchor: .scheduledMeeting, winProbability: 30),
        StageDefinition(key: .demoGiven, name: "Demo Given", stallDays: 5, winProbability: 40),
        StageDefinition(key: .proposalSent, name: "Proposal Sent", stallDays: 3, winProbability: 60),
        StageDefinition(key: .negotiation, name: "Negotiation", stallDays: 14, winProbability: 75),
        StageDefinition(key: .integrationApproved, name: "Integration Approved", stallDays: 7, winProbability: 90),
    ])

    /// Every stage key in board order: the open stages, then Won, then Lost.
    public var allKeys: [StageKey] { openStages.map(\.key) + [.won, .lost] }

    /// The name users see for a stage key (`Proposal Sent`); the raw key if it is unknown.
    public func name(of key: StageKey) -> String {
        switch key {
        case .won: "Won"
        case .lost: "Lost"
        default: openStages.first { $0.key == key }?.name ?? key.rawValue
        }
    }

    /// The definition of an open stage, nil for Won, Lost and unknown keys.
    public func definition(of key: StageKey) -> StageDefinition? {
        openStages.first { $0.key == key }
    }

    /// Forecast probability in percent: the stage's, 100 for Won, 0 for Lost.
    public func winProbability(of key: StageKey) -> Int {
        switch key {
        case .won: 100
        case .lost: 0
        default: definition(of: key)?.winProbability ?? 0
        }
    }

    /// The open stage after `key` in pipeline order ("next stage"); nil for the last open stage, Won, Lost
    /// and unknown keys (closing a deal is a choice between Won and Lost, never a default step).
    public func nextStage(after key: StageKey) -> StageKey? {
        guard let index = openStages.firstIndex(where: { $0.key == key }), index + 1 < openStages.count else { return nil }
        return openStages[index + 1].key
    }

    /// Whether a key names an open (not Won, not Lost) stage.
    public func isOpen(_ key: StageKey) -> Bool { definition(of: key) != nil }

    /// Finds a stage from what a user typed: a key (`proposal_sent`) or a name (`Proposal Sent`).
    public func stage(named text: String) throws(DomainError) -> StageKey {
        let wanted = StageKey.normalised(text)
        if let key = allKeys.first(where: { $0 == wanted || StageKey.normalised(name(of: $0)) == wanted }) {
            return key
        }
        throw DomainError.unknownStage(text, known: allKeys.map(name(of:)))
    }

    /// The stages whose name or key starts with what a user typed, ignoring case, spaces and punctuation
    /// (`neg` → Negotiation, `"proposal s"` → Proposal Sent, `d` → Demo Scheduled and Demo Given), in board
    /// order; an exact name or key wins alone. Empty when nothing matches (say which names are valid:
    /// `allKeys.map(name(of:))`).
    public func stages(matching text: String) -> [StageKey] {
        let wanted = StageKey.normalised(text).rawValue
        guard !wanted.isEmpty else { return [] }
        let names = allKeys.map { ($0, StageKey.normalised(name(of: $0)).rawValue) }
        if let exact = names.first(where: { $0.0.rawValue == wanted || $0.1 == wanted }) { return [exact.0] }
        return names.filter { $0.0.rawValue.hasPrefix(wanted) || $0.1.hasPrefix(wanted) }.map(\.0)
    }

    /// Checks a stage move and says what kind of move it is, or why it is refused.
    ///
    /// ```swift
    /// try Pipeline.standard.validateMove(from: .negotiation, to: .lost, reason: nil)
    /// // throws DomainError.lostNeedsReason
    /// ```
    public func validateMove(from current: StageKey, to target: StageKey, reason: LossReason?) throws(DomainError) -> StageMove {
        guard allKeys.contains(target) else { throw DomainError.unknownStage(target.rawValue, known: allKeys.map(name(of:))) }
        guard current != target else { throw DomainError.alreadyInStage(name(of: target)) }
        if current == .won { throw DomainError.wonIsFinal }
        if target == .lost {
            guard let reason else { throw DomainError.lostNeedsReason }
            if case .other(let text) = reason, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw DomainError.lossReasonNeedsText
            }
            return .toLost(reason)
        }
        if current == .lost {
            guard target != .won else { throw DomainError.reactivateBeforeWinning }
            return .reactivate
        }
        if target == .won { return .toWon }
        let from = openStages.firstIndex { $0.key == current } ?? 0
        let to = openStages.firstIndex { $0.key == target } ?? 0
        return to > from ? .forward(steps: to - from) : .back(steps: from - to)
    }

    /// Checks that a lead in `stage` may be put On Hold.
    public func validateHold(in stage: StageKey) throws(DomainError) {
        guard stage == holdStage else { throw DomainError.holdOnlyIn(name(of: holdStage)) }
    }

    /// Checks a configured pipeline: at least one open stage, unique keys, no reserved keys.
    public func validate() throws(DomainError) {
        guard !openStages.isEmpty else { throw DomainError.invalidPipeline("it needs at least one open stage") }
        var seen = Set<StageKey>()
        for stage in openStages {
            guard stage.key != .won, stage.key != .lost else {
                throw DomainError.invalidPipeline("'\(stage.key)' is reserved for the terminal stage")
            }
            guard seen.insert(stage.key).inserted else {
                throw DomainError.invalidPipeline("stage '\(stage.key)' appears twice")
            }
            guard (0...100).contains(stage.winProbability) else {
                throw DomainError.invalidPipeline("win probability of '\(stage.key)' must be 0–100")
            }
            if let days = stage.stallDays, days < 1 {
                throw DomainError.invalidPipeline("stall days of '\(stage.key)' must be at least 1")
            }
        }
        guard seen.contains(holdStage) else { throw DomainError.invalidPipeline("hold stage '\(holdStage)' is not an open stage") }
    }
}

/// What an accepted stage move does, as decided by ``Pipeline/validateMove(from:to:reason:)``.
public enum StageMove: Equatable, Sendable {
    case forward(steps: Int)
    case back(steps: Int)
    case toWon
    case toLost(LossReason)
    case reactivate
}
