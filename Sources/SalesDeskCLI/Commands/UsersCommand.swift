import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk users add|list`.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: "Add, list, deactivate and reactivate desk users.",
                                                    subcommands: [Add.self, List.self, Deactivate.self, Reactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a desk user (the first user may be added by anyone).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Login handle, matched against the OS login name.") var handle: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Email.") var email: String?
        @Option(help: "What the user may do (see Docs/SECURITY.md).") var role: Role = .rep
        @Option(help: "Team name (created if new).") var team: String?
        @Option(help: "Manager's handle.") var manager: String?
        @Option(help: "IANA time zone, e.g. Europe/Berlin.") var timeZone: String = "UTC"

        func run() throws {
            let database = try options.openDatabase()
            let actor = try database.users().isEmpty ? nil : try options.currentUser(in: database)
            let managerID = try manager.map { try Lookup.user($0, in: database).id! }
            let teamID = try team.map { name in
                try database.teams().first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.id
                    ?? database.createTeam(Team(name: name, timeZoneID: timeZone), by: actor).id!
            }
            let user = try database.createUser(User(
                handle: handle, name: name, email: email ?? "\(handle)@example.com", role: role, teamID: teamID,
                managerID: managerID, timeZoneID: timeZone), by: actor)
            print("Added \(user.handle) (\(user.role.label)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List desk users.")
        @OptionGroup var options: DeskOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true, access: .anyone)
            let users = try database.users()
            if json { return try JSONOutput.print(users) }
            let teams = Dictionary(uniqueKeysWithValues: try database.teams().map { ($0.id!, $0.name) })
            print(TextTable(headers: ["HANDLE", "NAME", "ROLE", "TEAM", "TIME ZONE", "ACTIVE"], rows: users.map {
                [$0.handle, $0.name, $0.role.rawValue, $0.teamID.flatMap { teams[$0] } ?? "", $0.timeZoneID, $0.isActive ? "yes" : "no"]
            }).render())
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate a user, keeping their history, and hand their open work to someone (managers and admins).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The leaving user's handle.") var handle: String
        @Option(help: ArgumentHelp("Who takes over their open leads, follow-ups and tickets.", valueName: "handle")) var reassignTo: String?

        func run() throws {
            let database = try options.openDatabase()
            let actor = try options.currentUser(in: database)
            let leaving = try Lookup.user(handle, in: database)
            let successor = try reassignTo.map { try Lookup.user($0, in: database) }
            let moved = try database.deactivateUser(leaving.id!, reassignTo: successor?.id, by: actor)
            print("Deactivated \(leaving.handle)" + (moved.isEmpty ? "." : "; \(successor?.handle ?? "?") took over \(moved)."))
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a deactivated user work again (admins).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The user's handle.") var handle: String

        func run() throws {
            let database = try options.openDatabase()
            let actor = try options.currentUser(in: database)
            try database.reactivateUser(try Lookup.user(handle, in: database).id!, by: actor)
            print("Reactivated \(handle).")
        }
    }
}
