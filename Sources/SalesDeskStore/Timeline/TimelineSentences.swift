import Foundation
import SalesDeskDomain

/// Turns audit entries into sentences: one event (the entries one write made for one record) → one sentence.
///
/// Old entries hold what their write stored then (handles, team ids); `names` resolves those to today's
/// names, the best left to know. New entries store names, so they read as of their time.
struct TimelineSentences {
    /// Display names for what old entries stored as handles or ids.
    struct Names {
        var userByHandle: [String: String]
        var teamByID: [String: String]

        func user(_ handle: String?) -> String? { handle.map { userByHandle[$0.lowercased()] ?? $0 } }
        func team(_ stored: String?) -> String? { stored.map { teamByID[$0] ?? $0 } }
    }

    let names: Names

    /// The sentence for one event of a lead or ticket; nil for events the timeline shows from their own rows
    /// (comments, follow-ups) or that say nothing to a user.
    func sentence(for event: [AuditEntry]) -> (String, TimelineEntry.Kind)? {
        guard let first = event.first else { return nil }
        let fields = Dictionary(event.compactMap { entry in entry.field.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
        switch first.action {
        case "reply", "internal_note", "comment", "cancel_follow_ups", "create": return nil
        case "move_stage": return (stageMove(fields), .change)
        case "move_status": return ("Changed the status " + fromTo(fields["status"]), .change)
        case "hold": return (fields["on_hold"]?.after == "yes" ? "Put the deal on hold" : "Took the deal off hold", .change)
        case "assign", "reassign": return (assignment(fields), .change)
        case "merge_contact": return ("Merged the contact \(fields["contact"]?.before ?? "") into \(fields["contact"]?.after ?? "")", .change)
        case "category": return (category(fields), .change)
        default: return (event.map(fieldChange).joined(separator: "; "), .change)
        }
    }

    private func stageMove(_ fields: [String: AuditEntry]) -> String {
        var sentence = "Moved " + fromTo(fields["stage"])
        if let reason = fields["loss_reason"]?.after { sentence += " (reason: \(reason))" }
        if fields["on_hold"]?.after == "no" { sentence += ", taking it off hold" }
        return sentence
    }

    private func assignment(_ fields: [String: AuditEntry]) -> String {
        let person = fields["owner"] ?? fields["assignee"]
        var sentence = "Assigned to \(names.user(person?.after) ?? "nobody")"
        if let before = names.user(person?.before) { sentence += " (was \(before))" }
        if let status = fields["status"] { sentence += "; status " + fromTo(status) }
        return sentence
    }

    private func category(_ fields: [String: AuditEntry]) -> String {
        var sentence = "Changed the category " + fromTo(fields["category"])
        if let team = fields["team"] {
            sentence += ", routing it " + fromTo(AuditEntry(userID: nil, at: team.at, record: team.record, action: team.action,
                                                           before: names.team(team.before), after: names.team(team.after)))
        }
        return sentence
    }

    private func fieldChange(_ entry: AuditEntry) -> String {
        let field = Self.fieldNames[entry.field ?? ""] ?? (entry.field ?? entry.action).replacingOccurrences(of: "_", with: " ")
        switch (entry.before, entry.after) {
        case (nil, let after?): return "Set the \(field) to \(after)"
        case (let before?, nil): return "Cleared the \(field) (was \(before))"
        default: return "Changed the \(field) " + fromTo(entry)
        }
    }

    private func fromTo(_ entry: AuditEntry?) -> String {
        "from \(entry?.before ?? "nothing") to \(entry?.after ?? "nothing")"
    }

    private static let fieldNames = [
        "title": "deal title", "value": "value", "expected_close_date": "expected close date", "tags": "tags",
        "partner": "partner", "priority": "priority", "status": "status", "subject": "subject",
    ]
}
