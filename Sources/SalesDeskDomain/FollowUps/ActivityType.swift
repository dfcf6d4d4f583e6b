import Foundation

/// The kind of a follow-up, or of something logged as done (`note`: a remark on the record, no contact made).
public enum ActivityType: String, Codable, CaseIterable, Sendable {
    case call, email, whatsapp, meeting, task, note

    public var label: String {
        switch self {
        case .call: "Call"
        case .email: "Email"
        case .whatsapp: "WhatsApp"
        case .meeting: "Meeting"
        case .task: "Task"
        case .note: "Note"
        }
    }

    /// Finds a type by name, ignoring case.
    public static func parse(_ text: String) -> ActivityType? {
        ActivityType(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// Whether a follow-up is still to do.
public enum ActivityState: String, Codable, CaseIterable, Sendable {
    case planned, done, cancelled
}
