import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore

/// A small team on a temporary database: a manager, two reps, a support rep and an admin,
/// plus the ticket-routing teams, ready for tests to add records to.
public final class DeskFixture: @unchecked Sendable {
    public let temporary: TemporaryDatabase
    public var database: AppDatabase { temporary.database }
    public var clock: SettableNow { temporary.clock }
    public let manager: User
    public let rep: User
    public let otherRep: User
    public let support: User
    public let admin: User

    public init(now: Date = utc(2026, 11, 23, 10), repTimeZone: String = "UTC", configuration: DeskConfiguration = .standard) throws {
        temporary = try TemporaryDatabase(now: now, configuration: configuration)
        let database = temporary.database
        admin = try database.createUser(User(handle: "admin", name: "Admin", email: "admin@example.com", role: .admin), by: nil)
        let sales = try database.createTeam(Team(name: "Sales"), by: admin)
        for name in Set(TicketRouting.standard.teamByCategory.values) { try database.createTeam(Team(name: name), by: admin) }
        let customerSuccess = try database.teams().first { $0.name == "Customer Success" }!
        manager = try database.createUser(User(handle: "maria", name: "María García", email: "maria@example.com", role: .manager, teamID: sales.id), by: admin)
        rep = try database.createUser(User(handle: "ana", name: "Ana Silva", email: "ana@example.com", role: .rep, teamID: sales.id, managerID: manager.id, timeZoneID: repTimeZone), by: admin)
        otherRep = try database.createUser(User(handle: "kenji", name: "Kenji Tanaka", email: "kenji@example.com", role: .rep, teamID: sales.id, managerID: manager.id), by: admin)
        support = try database.createUser(User(handle: "fatima", name: "Fatima Khalil", email: "fatima@example.com", role: .support, teamID: customerSuccess.id), by: admin)
    }

    /// Creates a lead owned by the rep (or `owner`), in Open.
    @discardableResult
    public func lead(_ name: String = "Jo Buyer", company: String? = "Acme Ltd", value: Int64 = 1_000_000, owner: User? = nil) throws -> Lead {
        try database.createLead(NewLead(
            contactName: name, email: "\(name.lowercased().filter(\.isLetter))@example.com", company: company,
            ownerID: (owner ?? rep).id!, value: Money(minorUnits: value, currency: .usd)), by: owner ?? rep)
    }

    /// Counts rows of a table.
    public func count(_ table: String, where condition: String = "1") throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }
}
