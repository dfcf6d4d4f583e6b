import Foundation

/// How urgent a ticket is; decides its first-response target.
public enum TicketPriority: String, Codable, CaseIterable, Sendable, Comparable {
    case normal, high, critical

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int {
        switch self {
        case .normal: 0
        case .high: 1
        case .critical: 2
        }
    }

    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool { lhs.rank < rhs.rank }

    /// Finds a priority by name, ignoring case.
    public static func parse(_ text: String) -> TicketPriority? {
        TicketPriority(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
