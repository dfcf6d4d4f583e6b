import Foundation
import GRDB
import SalesDeskDomain

extension Account: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "account"

    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], domain: row["domain"], industry: row["industry"],
            status: Status(rawValue: row["status"]) ?? .prospect, ownerID: row["owner_id"], health: row["health"],
            createdAt: Date(epochSeconds: row["created_at"]),
            annualRevenue: (row["annual_revenue_minor"] as Int64?).map { minor in
                Money(minorUnits: minor, currency: CurrencyCode(rawValue: row["annual_revenue_currency"] ?? "") ?? .usd)
            })
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["domain"] = domain
        container["industry"] = industry
        container["status"] = status.rawValue
        container["owner_id"] = ownerID
        container["health"] = health
        container["created_at"] = createdAt.epochSeconds
        container["annual_revenue_minor"] = annualRevenue?.minorUnits
        container["annual_revenue_currency"] = annualRevenue?.currency.rawValue
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Contact: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"

    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], email: row["email"], phone: row["phone"], title: row["title"],
            accountID: row["account_id"], createdAt: Date(epochSeconds: row["created_at"]),
            consent: Consent(doNotCall: row["do_not_call"] ?? false, emailOptOut: row["email_opt_out"] ?? false), country: row["country"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["email"] = email
        container["email_key"] = email.map(ContactKeys.emailKey)
        container["phone"] = phone
        container["title"] = title
        container["account_id"] = accountID
        container["created_at"] = createdAt.epochSeconds
        container["do_not_call"] = consent.doNotCall
        container["email_opt_out"] = consent.emailOptOut
        container["country"] = country
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Normalised keys used to find the same person twice.
public enum ContactKeys {
    /// An email lower-cased with surrounding spaces removed: `Ana@X.com ` → `ana@x.com`.
    public static func emailKey(_ email: String) -> String {
        DedupeKey.email(email)
    }
}
