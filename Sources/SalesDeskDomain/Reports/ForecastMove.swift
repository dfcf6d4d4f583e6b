import Foundation

/// How one deal's forecast changed since a weekly snapshot ("what moved since Monday").
public struct ForecastMove: Codable, Equatable, Sendable {
    /// The kinds of change a deal can show; a deal can show several.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case intoCommit = "into_commit"
        case outOfCommit = "out_of_commit"
        /// Its expected close date moved later (or was removed).
        case slipped
        case valueChanged = "value_changed"
        case won
        case lost

        public var label: String {
            switch self {
            case .intoCommit: "Into Commit"
            case .outOfCommit: "Out of Commit"
            case .slipped: "Close date slipped"
            case .valueChanged: "Value changed"
            case .won: "Won"
            case .lost: "Lost"
            }
        }
    }

    public var leadID: Int64
    public var title: String
    public var ownerName: String
    public var categoryBefore: ForecastCategory?
    /// nil once the deal is lost.
    public var categoryNow: ForecastCategory?
    public var valueBefore: Money
    public var valueNow: Money
    public var closeBefore: Date?
    public var closeNow: Date?

    public init(leadID: Int64, title: String, ownerName: String, categoryBefore: ForecastCategory?, categoryNow: ForecastCategory?,
                valueBefore: Money, valueNow: Money, closeBefore: Date?, closeNow: Date?) {
        self.leadID = leadID
        self.title = title
        self.ownerName = ownerName
        self.categoryBefore = categoryBefore
        self.categoryNow = categoryNow
        self.valueBefore = valueBefore
        self.valueNow = valueNow
        self.closeBefore = closeBefore
        self.closeNow = closeNow
    }

    /// What changed, in a fixed order.
    public var kinds: [Kind] {
        var kinds: [Kind] = []
        if categoryNow == .closed { kinds.append(.won) }
        if categoryNow == nil { kinds.append(.lost) }
        if categoryNow == .commit, categoryBefore != .commit { kinds.append(.intoCommit) }
        if categoryBefore == .commit, categoryNow != .commit, categoryNow != .closed { kinds.append(.outOfCommit) }
        if let before = closeBefore, closeNow.map({ $0 > before }) ?? true { kinds.append(.slipped) }
        if valueNow != valueBefore { kinds.append(.valueChanged) }
        return kinds
    }
}
