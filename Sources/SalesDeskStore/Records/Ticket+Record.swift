import Foundation
import GRDB
import SalesDeskDomain

extension Ticket: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ticket"

    public init(row: Row) throws {
        self.init(
            id: row["id"], accountID: row["account_id"], contactID: row["contact_id"], subject: row["subject"],
            description: row["description"], priority: TicketPriority(rawValue: row["priority"]) ?? .normal,
            category: TicketCategory(rawValue: row["category"]) ?? .general, teamID: row["team_id"],
            assigneeID: row["assignee_id"], status: TicketStatus(rawValue: row["status"]) ?? .new,
            createdAt: Date(epochSeconds: row["created_at"]), updatedAt: Date(epochSeconds: row["updated_at"]),
            firstResponseAt: (row["first_response_at"] as Int64?).date, resolvedAt: (row["resolved_at"] as Int64?).date,
            closedAt: (row["closed_at"] as Int64?).date, satisfaction: row["satisfaction"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["account_id"] = accountID
        container["contact_id"] = contactID
        container["subject"] = subject
        container["description"] = description
        container["priority"] = priority.rawValue
        container["category"] = category.rawValue
        container["team_id"] = teamID
        container["assignee_id"] = assigneeID
        container["status"] = status.rawValue
        container["created_at"] = createdAt.epochSeconds
        container["updated_at"] = updatedAt.epochSeconds
        container["first_response_at"] = firstResponseAt.epochSeconds
        container["resolved_at"] = resolvedAt.epochSeconds
        container["closed_at"] = closedAt.epochSeconds
        container["satisfaction"] = satisfaction
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension TicketComment: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ticket_comment"

    public init(row: Row) throws {
        self.init(
            id: row["id"], ticketID: row["ticket_id"], authorID: row["author_id"], body: row["body"],
            isCustomerVisible: row["is_customer_visible"], createdAt: Date(epochSeconds: row["created_at"]))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["ticket_id"] = ticketID
        container["author_id"] = authorID
        container["body"] = body
        container["is_customer_visible"] = isCustomerVisible
        container["created_at"] = createdAt.epochSeconds
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
