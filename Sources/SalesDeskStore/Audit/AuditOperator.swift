import Foundation
import GRDB

/// Who really runs this process's changes when they are made in someone else's name: an admin using
/// `--as kenji`, or the database file's owner choosing `SALESDESK_USER`. Every audit entry appended while
/// it is set records it (`audit log` shows "admin as kenji").
///
/// The appender reads it through the SQL function `salesdesk_operated_by()`, registered on every
/// connection of the ``AppDatabase`` that owns it, so no write has to pass it along.
final class AuditOperator: @unchecked Sendable {
    private let lock = NSLock()
    private var label: String?

    /// The operator's label, or nil when users act as themselves.
    var current: String? {
        get { lock.withLock { label } }
        set { lock.withLock { label = newValue } }
    }

    /// The SQL function the appender calls.
    var function: DatabaseFunction {
        DatabaseFunction("salesdesk_operated_by", argumentCount: 0, pure: false) { [self] _ in current }
    }

    /// Reads the operator of the connection's database; nil on a connection without the function.
    static func current(_ db: Database) throws -> String? {
        do {
            return try String.fetchOne(db.cachedStatement(sql: "SELECT salesdesk_operated_by()"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            return nil // a bare connection (a backup being restored) has no operator
        }
    }
}

extension AppDatabase {
    /// Records `label` as the person really making the following changes when they are made in someone
    /// else's name (nil: users act as themselves). See ``AuditEntry/operatedBy``.
    public func recordChanges(operatedBy label: String?) {
        auditOperator.current = label
    }
}
