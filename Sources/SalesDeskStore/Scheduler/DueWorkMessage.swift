import Foundation
import GRDB
import SalesDeskDomain

/// The notification a piece of due work turns into: who gets it, and what it says. Nil when the work
/// no longer applies (the follow-up was done, the ticket answered or triaged).
struct DueWorkMessage {
    var recipients: [Int64]
    var kind: SalesDeskDomain.Notification.Kind
    var record: RecordReference
    var title: String
    var body: String

    /// The message of `work`; with `withBody` false (an item going into a digest, whose body nobody reads) the
    /// body's times are not written, which saves a time-zone look-up and formatting per item of a long catch-up.
    static func resolve(_ work: DueWork, _ db: Database, withBody: Bool = true) throws -> DueWorkMessage? {
        let when: TimeInRecipientZone = withBody ? { date, user in TimeWords.dayAndTime(date, in: try Recipients.timeZone(of: user, db)) } : { _, _ in "" }
        return switch work.kind {
        case .reminder, .overdue: try followUpMessage(work, db, when: when)
        case .slaWarning, .slaBreach, .untriaged: try ticketMessage(work, db, when: when)
        }
    }

    /// Writes an instant for a recipient, in their zone.
    private typealias TimeInRecipientZone = (Date, Int64) throws -> String

    private static func followUpMessage(_ work: DueWork, _ db: Database, when: TimeInRecipientZone) throws -> DueWorkMessage? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT activity.subject, activity.owner_id, activity.due_at, user.handle FROM activity JOIN user ON user.id = activity.owner_id
            WHERE activity.id = ? AND activity.state = 'planned'
            """), arguments: [work.record.id]) else { return nil }
        let subject: String = row["subject"]
        let owner: Int64 = row["owner_id"]
        let due = Date(epochSeconds: row["due_at"])
        if work.kind == .reminder {
            let label = PlannedReminder(offset: TimeInterval(work.level), firesAt: work.dueAt).label
            return DueWorkMessage(recipients: [owner], kind: .reminder, record: work.record, title: "Reminder (\(label)): \(subject)",
                                  body: "Due \(try when(due, owner))")
        }
        let handle: String = row["handle"]
        let recipient = try Recipients.manager(of: owner, db) ?? owner
        return DueWorkMessage(recipients: [recipient], kind: .overdue, record: work.record, title: "Overdue: \(subject) (@\(handle))",
                              body: "Was due \(try when(due, recipient)) and is still not done")
    }

    private static func ticketMessage(_ work: DueWork, _ db: Database, when: TimeInRecipientZone) throws -> DueWorkMessage? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT subject, status, team_id, assignee_id, first_response_at, sla_running_since FROM ticket WHERE id = ?
            """), arguments: [work.record.id]) else { return nil }
        let number = Ticket.number(for: work.record.id)
        let subject: String = row["subject"]
        let manager = try Recipients.teamManager(row["team_id"], db)
        let assignee: Int64? = row["assignee_id"]
        switch work.kind {
        case .untriaged:
            guard (row["status"] as String) == TicketStatus.new.rawValue, let manager else { return nil }
            return DueWorkMessage(recipients: [manager], kind: .untriaged, record: work.record,
                                  title: "Untriaged: \(number) \(subject)", body: "Still New and unassigned")
        default:
            guard (row["first_response_at"] as Int64?) == nil, (row["sla_running_since"] as Int64?) != nil else { return nil }
            let isBreach = work.kind == .slaBreach
            let recipients = isBreach ? [assignee, manager].compactMap { $0 } : [assignee ?? manager].compactMap { $0 }
            guard let first = recipients.first else { return nil }
            let due = try when(work.eventAt ?? work.dueAt, first)
            return DueWorkMessage(
                recipients: Array(Set(recipients)).sorted(), kind: isBreach ? .slaBreach : .slaWarning, record: work.record,
                title: (isBreach ? "SLA breached: " : "SLA warning: ") + "\(number) \(subject)",
                body: isBreach ? "No first response within the target" : "First response due by \(due)")
        }
    }
}
