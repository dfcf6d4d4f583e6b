import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Prints one lead in full, as text or JSON.
struct LeadPrinter {
    let database: AppDatabase
    let json: Bool

    private struct Output: Encodable {
        var lead: LeadOutput
        var email: String?
        var phone: String?
        var jobTitle: String?
        var contactID: Int64
        var country: String?
        /// `{"doNotCall": true, "emailOptOut": false}`.
        var consent: Consent
        var externalID: String?
        var createdAt: Date
        var source: String
        var scoreBreakdown: [LeadScoring.Contribution]
        var followUps: [Activity]
        var history: [AuditEntry]
    }

    func show(_ leadID: Int64) throws {
        let detail = try database.leadDetail(leadID)
        let now = DeskClock.now()
        let row = LeadRow(lead: detail.lead, contactName: detail.contact.name, company: detail.account?.name,
                          ownerHandle: detail.owner.handle, nextFollowUpAt: detail.activities.first { $0.state == .planned }?.dueAt)
        let summary = LeadOutput(row, pipeline: database.configuration.pipeline, now: now)
        if json {
            return try JSONOutput.print(Output(lead: summary, email: detail.contact.email, phone: detail.contact.phone,
                                               jobTitle: detail.contact.title, contactID: detail.contact.id ?? 0, country: detail.contact.country,
                                               consent: detail.contact.consent, externalID: detail.lead.externalID, createdAt: detail.lead.createdAt,
                                               source: detail.lead.source.rawValue, scoreBreakdown: detail.scoreBreakdown,
                                               followUps: detail.activities, history: detail.history))
        }
        let time = LocalTime(timeZone: TimeZone(identifier: detail.owner.timeZoneID) ?? .gmt)
        var lines = [
            "Lead #\(summary.id)  \(summary.name)\(summary.company.map { " · \($0)" } ?? "")",
            "  deal:    \(summary.title)",
            "  stage:   \(summary.stage)\(summary.onHold ? " (On Hold)" : "") · \(summary.daysInStage) days since last touch",
            "  value:   \(summary.value) \(summary.currency) · score \(summary.score) (\(summary.band))"
                + (summary.expectedClose.map { " · expected to close \($0)" } ?? ""),
            "  owner:   \(summary.owner) · source \(detail.lead.source.label)",
            "  contact: \([detail.contact.email, detail.contact.phone, detail.contact.title, detail.contact.country].compactMap { $0 }.joined(separator: " · "))",
        ]
        if !detail.contact.consent.labels.isEmpty { lines.append("  consent: \(detail.contact.consent.labels.joined(separator: " · "))") }
        if !detail.scoreBreakdown.isEmpty {
            lines.append("  score:   " + detail.scoreBreakdown.map { "\($0.reason) +\($0.points)" }.joined(separator: ", "))
        }
        if let reason = summary.lossReason { lines.append("  lost:    \(reason)") }
        if !detail.activities.isEmpty {
            lines.append("Follow-ups:")
            lines += detail.activities.prefix(10).map { "  #\($0.id!) \(time.format($0.dueAt)) \($0.type.label): \($0.subject) [\($0.state.rawValue)]" }
        }
        lines.append("History:")
        lines += detail.history.suffix(10).map { entry in
            let change = entry.field.map { " \($0): \(entry.before ?? "—") → \(entry.after ?? "—")" } ?? " \(entry.after ?? "")"
            return "  \(time.format(entry.at)) \(entry.action)\(change)"
        }
        print(lines.map(TextTable.printable).joined(separator: "\n"))
    }
}
