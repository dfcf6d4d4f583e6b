import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The permission table every named write checks (see ``PermissionTable/standard``).
    public var permissions: PermissionTable { .standard }

    /// Refuses the write unless `user` — as stored now, so a role change or deactivation made by another
    /// desk counts — may do `action` to a record owned by `ownerID`. Runs inside the write's transaction,
    /// so a refused write writes nothing, not even an audit entry.
    func require(_ db: Database, _ action: DeskAction, by user: User, ownerID: Int64? = nil, record: String? = nil) throws {
        guard let id = user.id, let current = try User.find(db, id: id) else {
            throw DomainError.notFound("Desk user \(user.handle)")
        }
        try permissions.check(action, by: current, ownerID: ownerID, record: record)
    }

    /// Like ``require(_:_:by:ownerID:record:)`` for writes that also run without a user: setting up an
    /// empty database (the first team and user) is allowed to nobody in particular, nothing else is.
    func require(_ db: Database, _ action: DeskAction, byOptional user: User?) throws {
        if let user { return try require(db, action, by: user) }
        guard try User.fetchCount(db) == 0 else {
            throw DomainError.notPermitted("only the first user can be added without a signed-in user. Run the command as an admin (--as HANDLE).")
        }
    }
}
