import Crypto
import Foundation
import SalesDeskAutomation

/// A rule's lifecycle: drafted, switched on, paused (by a person, or by the loop guard).
public enum RuleState: String, Codable, CaseIterable, Sendable {
    case draft, active, paused

    /// The word users see.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .active: "Active"
        case .paused: "Paused"
        }
    }
}

/// A rule as stored: its current version's text and who wrote it.
public struct StoredRule: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var state: RuleState
    public var version: Int
    /// Shipped with the desk (today's built-in behaviours, see ``DefaultRules``).
    public var isDefault: Bool
    /// Why the loop guard paused it, when it did.
    public var pausedReason: String?
    public var text: String
    /// SHA-256 of the text, hex; also in the audit chain.
    public var textHash: String
    public var authorID: Int64?
    /// The author's handle; `salesdesk` for shipped defaults.
    public var authorHandle: String
    public var createdAt: Date

    /// `rule "Celebrate a win" v3 (by jonas)`.
    public var attribution: String { "rule \"\(name)\" v\(version) (by \(authorHandle))" }

    /// Whether the desk's built-in code performs this rule: a shipped default whose text is still the shipped text.
    ///
    /// The engine leaves such rules to the scheduler and the writes that do them today, so behaviour stays as it was.
    public var isBuiltInBehaviour: Bool { BuiltInBehaviours.isShipped(self) }

    /// The hex SHA-256 of a rule text.
    public static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).lowercaseHex
    }
}
