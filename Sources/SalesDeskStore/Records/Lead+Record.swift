import Foundation
import GRDB
import SalesDeskDomain

extension Lead: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "lead"

    public init(row: Row) throws {
        let currency = CurrencyCode(rawValue: row["currency"]) ?? .usd
        let lossCode: String? = row["loss_reason"]
        self.init(
            id: row["id"], contactID: row["contact_id"], accountID: row["account_id"], title: row["title"],
            source: LeadSource(rawValue: row["source"]) ?? .manual, partner: row["partner"], ownerID: row["owner_id"],
            stage: StageKey(rawValue: row["stage"]), value: Money(minorUnits: row["value_minor"], currency: currency),
            expectedCloseDate: (row["expected_close_date"] as Int64?).date, score: row["score"],
            tags: Self.tags(from: row["tags"]), stageEnteredAt: Date(epochSeconds: row["stage_entered_at"]),
            lastActivityAt: (row["last_activity_at"] as Int64?).date,
            lossReason: lossCode.flatMap { try? LossReason.parse($0, note: row["loss_note"]) },
            isOnHold: row["is_on_hold"], createdAt: Date(epochSeconds: row["created_at"]),
            updatedAt: Date(epochSeconds: row["updated_at"]), externalID: row["external_id"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["contact_id"] = contactID
        container["account_id"] = accountID
        container["title"] = title
        container["source"] = source.rawValue
        container["partner"] = partner
        container["owner_id"] = ownerID
        container["stage"] = stage.rawValue
        container["value_minor"] = value.minorUnits
        container["currency"] = value.currency.rawValue
        container["expected_close_date"] = expectedCloseDate.epochSeconds
        container["score"] = score
        container["tags"] = tags.joined(separator: ",")
        container["stage_entered_at"] = stageEnteredAt.epochSeconds
        container["last_activity_at"] = lastActivityAt.epochSeconds
        container["last_touched_at"] = lastTouchedAt.epochSeconds
        container["loss_reason"] = lossReason?.code
        container["loss_note"] = lossReason?.note
        container["is_on_hold"] = isOnHold
        container["created_at"] = createdAt.epochSeconds
        container["updated_at"] = updatedAt.epochSeconds
        container["external_id"] = externalID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func tags(from text: String) -> [String] {
        text.split(separator: ",").map { String($0) }
    }
}
