import Foundation

/// The stable identifier of a pipeline stage (`first_contact`, `won`), as stored in the database.
///
/// Stage names shown to users come from the ``Pipeline``; keys never change once data uses them.
public struct StageKey: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let open: StageKey = "open"
    public static let firstContact: StageKey = "first_contact"
    public static let connected: StageKey = "connected"
    public static let demoScheduled: StageKey = "demo_scheduled"
    public static let demoGiven: StageKey = "demo_given"
    public static let proposalSent: StageKey = "proposal_sent"
    public static let negotiation: StageKey = "negotiation"
    public static let integrationApproved: StageKey = "integration_approved"
    /// Terminal: the deal closed and the account became a customer.
    public static let won: StageKey = "won"
    /// Terminal but reversible: the deal was lost for a recorded reason.
    public static let lost: StageKey = "lost"

    /// Turns a name typed by a user (`Proposal Sent`, `proposal-sent`) into a key (`proposal_sent`).
    public static func normalised(_ text: String) -> StageKey {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        let joined = lowered.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        let collapsed = String(joined).split(separator: "_", omittingEmptySubsequences: true).joined(separator: "_")
        return StageKey(rawValue: collapsed)
    }
}
