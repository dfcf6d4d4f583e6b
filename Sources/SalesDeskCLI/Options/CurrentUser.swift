import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Decides which desk user a command acts as.
public enum CurrentUser {
    /// `--as HANDLE` when given, else the OS login name (`$USER`, `$LOGNAME`).
    /// An unknown handle is an error that says how to be added.
    public static func resolve(explicit: String?, in database: AppDatabase,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> User {
        let login = explicit ?? environment["SALESDESK_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? ""
        if let user = try database.user(handle: login) {
            guard user.isActive else { throw ValidationError("Desk user '\(login)' is deactivated. Ask an admin to reactivate it.") }
            return user
        }
        let handles = try database.users().filter(\.isActive).prefix(8).map(\.handle)
        if handles.isEmpty {
            throw ValidationError("The database has no users yet. Add one: salesdesk users add \(login.isEmpty ? "HANDLE" : login) --name \"Your Name\" --role admin")
        }
        throw ValidationError("'\(login)' is not a desk user. Pass --as HANDLE (e.g. \(handles.joined(separator: ", "))) or ask an admin to run: salesdesk users add \(login.isEmpty ? "HANDLE" : login) --name \"...\" --role rep")
    }
}
