import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
#if canImport(Glibc)
import Glibc
#endif

/// Decides which desk user a command acts as.
///
/// The login identity is `SALESDESK_USER` when set (scripts and tests), else the OS login name
/// (`$USER`, `$LOGNAME`, then the password database). It must be a desk user's handle.
/// `--as HANDLE` acts as someone else and is allowed only to admins, on a database with no users yet,
/// and on a generated demo database (where everyone is fictional).
public enum CurrentUser {
    /// The login identity: `SALESDESK_USER`, `$USER`, `$LOGNAME`, else the name of the process's uid.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["SALESDESK_USER", "USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }

    /// The acting desk user. An unknown handle, a deactivated user and a refused `--as` are errors
    /// that say what to do.
    public static func resolve(explicit: String?, in database: AppDatabase,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> User {
        let login = loginName(environment: environment)
        if let explicit, explicit.caseInsensitiveCompare(login) != .orderedSame {
            try checkMayActAsOthers(login: login, in: database)
        }
        let handle = explicit ?? login
        if let user = try database.user(handle: handle) {
            guard user.isActive else { throw ValidationError("Desk user '\(handle)' is deactivated. Ask an admin to reactivate it: salesdesk users reactivate \(handle)") }
            return user
        }
        let handles = try database.users().filter(\.isActive).prefix(8).map(\.handle)
        if handles.isEmpty {
            throw ValidationError("The database has no users yet. Add one: salesdesk users add \(handle.isEmpty ? "HANDLE" : handle) --name \"Your Name\" --role admin")
        }
        throw ValidationError("'\(handle)' is not a desk user (known: \(handles.joined(separator: ", "))). Ask an admin to run: salesdesk users add \(handle.isEmpty ? "HANDLE" : handle) --name \"...\" --role rep")
    }

    /// Checks run when any command opens the database, before it reads or writes: a refused `--as`
    /// and a deactivated login stop every verb, not only the ones that write.
    public static func checkAccess(explicit: String?, in database: AppDatabase,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let login = loginName(environment: environment)
        if let me = try database.user(handle: login), !me.isActive {
            throw ValidationError("Desk user '\(me.handle)' is deactivated. Ask an admin to reactivate it: salesdesk users reactivate \(me.handle)")
        }
        if let explicit, explicit.caseInsensitiveCompare(login) != .orderedSame {
            try checkMayActAsOthers(login: login, in: database)
        }
    }

    private static func checkMayActAsOthers(login: String, in database: AppDatabase) throws {
        if try database.users().isEmpty || database.isDemoDatabase() { return }
        guard let me = try database.user(handle: login) else {
            throw ValidationError("--as is for admins, and '\(login)' is not a desk user. Ask an admin to add you: salesdesk users add \(login.isEmpty ? "HANDLE" : login) --name \"...\" --role rep")
        }
        guard me.role == .admin, me.isActive else {
            throw ValidationError("--as is for admins; you are \(me.handle) (\(me.role.label)). Run the command without --as to act as yourself.")
        }
    }
}
