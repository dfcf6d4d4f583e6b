import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Adds a team.
    @discardableResult
    public func createTeam(_ team: Team, by user: User?) throws -> Team {
        let at = now()
        let name = try FieldRules.requiredName(team.name, field: "team name")
        return try writer.write { db in
            try require(db, .manageTeams, byOptional: user)
            var team = team
            team.name = name
            try team.insert(db)
            try AuditLog.created(db, .team(team.id!), by: user?.id, at: at, summary: "team \(name)")
            return team
        }
    }

    /// Adds a user. The handle must be unique (case-insensitive) and made of letters, digits, `.`, `_` or `-`.
    @discardableResult
    public func createUser(_ user: User, by actor: User?) throws -> User {
        let at = now()
        let handle = try FieldRules.requiredName(user.handle, field: "handle")
        guard handle.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw DomainError.invalidField(field: "handle", reason: "'\(handle)' may hold only letters, digits, '.', '_' and '-'")
        }
        guard TimeZone(identifier: user.timeZoneID) != nil else {
            throw DomainError.invalidField(field: "time zone", reason: "'\(user.timeZoneID)' is not a time zone (e.g. Europe/Berlin)")
        }
        let name = try FieldRules.requiredName(user.name, field: "name")
        return try writer.write { db in
            try require(db, .manageUsers, byOptional: actor)
            if try User.filter(sql: "handle = ? COLLATE NOCASE", arguments: [handle]).fetchCount(db) > 0 {
                throw DomainError.invalidField(field: "handle", reason: "'\(handle)' is taken")
            }
            var user = user
            user.handle = handle
            user.name = name
            try user.insert(db)
            try AuditLog.created(db, .user(user.id!), by: actor?.id, at: at, summary: "\(handle) (\(user.role.rawValue))")
            return user
        }
    }
}
