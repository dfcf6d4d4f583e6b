import Foundation
import GRDB
import SalesDeskDomain

/// Who hears about what: owners, their managers, and team managers.
enum Recipients {
    /// The user's manager, else their team's manager, else nil.
    static func manager(of userID: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(user.manager_id, team.manager_id) FROM user LEFT JOIN team ON team.id = user.team_id WHERE user.id = ?
            """), arguments: [userID])
    }

    /// The time zone a user reads their notifications in (UTC when unknown).
    static func timeZone(of userID: Int64, _ db: Database) throws -> TimeZone {
        TimeWords.zone(try String.fetchOne(db.cachedStatement(sql: "SELECT time_zone FROM user WHERE id = ?"), arguments: [userID]))
    }

    /// A team's manager.
    static func teamManager(_ teamID: Int64?, _ db: Database) throws -> Int64? {
        guard let teamID else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT manager_id FROM team WHERE id = ?"), arguments: [teamID])
    }
}
