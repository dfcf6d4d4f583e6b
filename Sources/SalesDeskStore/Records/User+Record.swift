import Foundation
import GRDB
import SalesDeskDomain

extension User: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "user"

    public init(row: Row) throws {
        self.init(
            id: row["id"], handle: row["handle"], name: row["name"], email: row["email"],
            role: Role(rawValue: row["role"]) ?? .rep, teamID: row["team_id"], managerID: row["manager_id"],
            timeZoneID: row["time_zone"], isActive: row["is_active"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["handle"] = handle
        container["name"] = name
        container["email"] = email
        container["role"] = role.rawValue
        container["team_id"] = teamID
        container["manager_id"] = managerID
        container["time_zone"] = timeZoneID
        container["is_active"] = isActive
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// User #`id` through a cached statement: every write checks its user, and a batch of rule firings does
    /// thousands (`fetchOne(_:id:)` prepares its statement anew each time).
    static func find(_ db: Database, id: Int64) throws -> User? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE id = ?"), arguments: [id])
    }
}

extension Team: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "team"

    public init(row: Row) throws {
        self.init(id: row["id"], name: row["name"], managerID: row["manager_id"], timeZoneID: row["time_zone"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["manager_id"] = managerID
        container["time_zone"] = timeZoneID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
