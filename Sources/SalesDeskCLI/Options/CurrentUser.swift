import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Decides which desk user a command acts as.
///
/// Identity is the OS account of the process's real user id (`getuid` → the password database), whose
/// name is a desk user's handle. Environment variables alone never raise privilege:
///
/// - `SALESDESK_USER=HANDLE` is honoured only for the database file's owner (and root), who can change the
///   file with `sqlite3` anyway; on a demo database; on a database with no users yet; and for an OS account
///   whose desk user is an admin. Anyone else naming another user is refused.
/// - `--as HANDLE` is allowed to admins, on a demo database and on a database with no users yet.
///
/// A change made in someone else's name records who really made it (``AuditEntry/operatedBy``):
/// `audit log` shows "admin as kenji".
public enum CurrentUser {
    /// Whom the command acts as, and who really asked for it.
    public struct Identity: Equatable, Sendable {
        /// The OS account of the process's real user id.
        public var account: String
        /// The desk handle the command signs in as: the account, or an honoured `SALESDESK_USER`.
        public var login: String
        /// The handle it acts as: `--as`, else the login.
        public var acting: String
        /// Who really makes the changes when `acting` is someone else; nil when users act as themselves.
        public var operatedBy: String?
    }

    /// The name of the process's real user id in the password database ("" when it has none).
    public static func osAccount() -> String {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &found) == 0, found != nil, let name = entry.pw_name else { return "" }
        return String(cString: name)
    }

    /// Works out the identity for a command on `database` and checks the switches it makes: a
    /// `SALESDESK_USER` or `--as` the account may not use is an error that says what to do.
    public static func identify(explicit: String?, in database: AppDatabase,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Identity {
        let account = osAccount()
        var identity = Identity(account: account, login: account, acting: account, operatedBy: nil)
        let freeForAll = try database.users().isEmpty || database.isDemoDatabase()
        if let chosen = environment["SALESDESK_USER"], !chosen.isEmpty, !same(chosen, account) {
            guard try freeForAll || DatabaseOwnership.accountOwnsFile(database.path) || isAdmin(account, in: database) else {
                throw refusal("""
                    SALESDESK_USER=\(chosen) is not honoured: you are signed in to this computer as '\(account)', and only an admin, \
                    the database file's owner or a demo database may act as someone else. Unset SALESDESK_USER to act as yourself.
                    """)
            }
            identity.login = chosen
            identity.acting = chosen
            identity.operatedBy = "OS account \(account)"
        }
        if let explicit, !same(explicit, identity.login) {
            if !freeForAll { try checkMayActAsOthers(login: identity.login, in: database) }
            identity.acting = explicit
            identity.operatedBy = identity.login
        }
        if freeForAll, try database.isDemoDatabase() { identity.operatedBy = nil } // everyone in a demo is fictional
        return identity
    }

    /// The acting desk user. An unknown handle, a deactivated user and a refused switch are errors
    /// that say what to do.
    public static func resolve(_ identity: Identity, in database: AppDatabase) throws -> User {
        let handle = identity.acting
        if let user = try database.user(handle: handle) {
            guard user.isActive else { throw deactivated(user.handle) }
            return user
        }
        let handles = try database.users().filter(\.isActive).prefix(8).map(\.handle)
        if handles.isEmpty {
            throw refusal("The database has no users yet. Add one: salesdesk users add \(handle.isEmpty ? "HANDLE" : handle) --name \"Your Name\" --role admin")
        }
        throw notADeskUser(handle, known: handles)
    }

    /// Checks run when any command opens the database, before it reads or writes: a refused switch, a
    /// deactivated login, and a non-user where `access` wants a desk user stop every verb.
    public static func checkAccess(_ identity: Identity, access: DeskAccess, in database: AppDatabase) throws {
        if let me = try database.user(handle: identity.login), !me.isActive { throw deactivated(me.handle) }
        guard access != .anyone, try !database.users().isEmpty, try !database.isDemoDatabase() else { return }
        if try database.user(handle: identity.acting) != nil { return }
        if access == .deskUsersAndFileOwner, try DatabaseOwnership.accountOwnsFile(database.path) { return }
        throw notADeskUser(identity.acting, known: try database.users().filter(\.isActive).prefix(8).map(\.handle))
    }

    private static func notADeskUser(_ handle: String, known: [String]) -> ValidationError {
        refusal("""
            '\(handle)' is not a desk user of this database (known: \(known.joined(separator: ", "))), so it may only list the users \
            (salesdesk users list). Ask an admin to add you: salesdesk users add \(handle.isEmpty ? "HANDLE" : handle) --name "..." --role rep
            """)
    }

    private static func deactivated(_ handle: String) -> ValidationError {
        refusal("Desk user '\(handle)' is deactivated. Ask an admin to reactivate it: salesdesk users reactivate \(handle)")
    }

    /// A refusal whose text may quote what the user typed: sanitised before it reaches the terminal.
    private static func refusal(_ text: String) -> ValidationError { ValidationError(TextSanitizer.sanitize(text)) }

    private static func same(_ first: String, _ second: String) -> Bool { first.caseInsensitiveCompare(second) == .orderedSame }

    private static func isAdmin(_ handle: String, in database: AppDatabase) throws -> Bool {
        guard let user = try database.user(handle: handle) else { return false }
        return user.role == .admin && user.isActive
    }

    private static func checkMayActAsOthers(login: String, in database: AppDatabase) throws {
        guard let me = try database.user(handle: login) else {
            throw refusal("--as is for admins, and '\(login)' is not a desk user. Ask an admin to add you: salesdesk users add \(login.isEmpty ? "HANDLE" : login) --name \"...\" --role rep")
        }
        guard me.role == .admin, me.isActive else {
            throw refusal("--as is for admins; you are \(me.handle) (\(me.role.label)). Run the command without --as to act as yourself.")
        }
    }
}

/// Who may run a command on a database with users (a demo database and an empty one let everyone in).
public enum DeskAccess: Sendable {
    /// Desk users only: every verb that reads or changes the desk's records.
    case deskUsers
    /// Desk users, and the OS account that owns the database file (it can read and write the whole
    /// file anyway): the upkeep verbs — the scheduler, `db`, `backup`, `audit verify`.
    case deskUsersAndFileOwner
    /// Anyone who can open the file: `users list`, so a newcomer can see whom to ask.
    case anyone
}

/// Whether the process's OS account owns the database file (root counts: it can change any file).
enum DatabaseOwnership {
    static func accountOwnsFile(_ path: String) throws -> Bool {
        if getuid() == 0 { return true }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_uid == getuid()
    }
}
