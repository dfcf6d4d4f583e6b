import Foundation
import SalesDeskDomain
import SalesDeskStore

/// The JSON shape of a lead row (`lead list --json`).
struct LeadOutput: Encodable {
    var id: Int64
    var name: String
    var company: String?
    var title: String
    var stage: String
    var stageKey: String
    var value: String
    var valueMinorUnits: Int64
    var currency: String
    var score: Int
    var band: String
    var owner: String
    var daysInStage: Int
    var lossReason: String?
    var onHold: Bool
    var nextFollowUpAt: Date?
    /// `2026-12-31`, the day the owner expects the deal to close.
    var expectedClose: String?

    init(_ row: LeadRow, pipeline: Pipeline, now: Date) {
        id = row.id
        name = row.contactName
        company = row.company
        title = row.lead.title
        stage = pipeline.name(of: row.lead.stage)
        stageKey = row.lead.stage.rawValue
        value = row.lead.value.formattedAmount
        valueMinorUnits = row.lead.value.minorUnits
        currency = row.lead.value.currency.rawValue
        score = row.lead.score
        band = row.lead.band.rawValue
        owner = row.ownerHandle
        daysInStage = Self.days(from: row.lead.lastTouchedAt, to: now)
        lossReason = row.lead.lossReason?.description
        onHold = row.lead.isOnHold
        nextFollowUpAt = row.nextFollowUpAt
        expectedClose = row.lead.expectedCloseDate.map(Self.day)
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    static func days(from start: Date, to end: Date) -> Int { max(0, Int(end.timeIntervalSince(start) / 86_400)) }
}

/// The JSON shape of a ticket row.
struct TicketOutput: Encodable {
    var id: Int64
    var number: String
    var subject: String
    var account: String?
    var priority: String
    var category: String
    var team: String?
    var assignee: String?
    var status: String
    var createdAt: Date
    var firstResponseAt: Date?

    init(_ row: TicketRow) {
        id = row.id
        number = row.ticket.number
        subject = row.ticket.subject
        account = row.accountName
        priority = row.ticket.priority.rawValue
        category = row.ticket.category.rawValue
        team = row.teamName
        assignee = row.assigneeHandle
        status = row.ticket.status.rawValue
        createdAt = row.ticket.createdAt
        firstResponseAt = row.ticket.firstResponseAt
    }
}

/// The JSON shape of a follow-up row.
struct FollowUpOutput: Encodable {
    var id: Int64
    var type: String
    var subject: String
    var dueAt: Date
    var state: String
    var owner: String
    var record: String?
    var recordLabel: String?
    var company: String?

    init(_ row: FollowUpRow) {
        id = row.id
        type = row.activity.type.rawValue
        subject = row.activity.subject
        dueAt = row.activity.dueAt
        state = row.activity.state.rawValue
        owner = row.ownerHandle
        record = row.activity.record?.description
        recordLabel = row.recordLabel
        company = row.company
    }
}

/// Formats instants in a user's time zone: `Tue 24 Nov 14:30`.
struct LocalTime {
    let timeZone: TimeZone

    func format(_ date: Date, pattern: String = "EEE d MMM HH:mm") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
