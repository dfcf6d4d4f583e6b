import GRDB
import SalesDeskDomain

/// The desk's users and teams as an import needs them: owner look-up by handle, email or name, and
/// the assignment rules' teams and loads. Loaded once per import.
struct ImportDirectory {
    /// Lower-cased handle, email and name → user, active users only.
    private(set) var usersByText: [String: User] = [:]
    private(set) var handles: [String: Int64] = [:]
    private(set) var teams: [String: [Int64]] = [:]
    private(set) var openLoads: [Int64: Int] = [:]
    private(set) var handleByID: [Int64: String] = [:]

    init(_ db: Database) throws {
        let users = try User.fetchAll(db, sql: "SELECT * FROM user WHERE is_active ORDER BY id")
        let teamNames = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name FROM team").map { ($0["id"] as Int64, $0["name"] as String) })
        for user in users {
            for text in [user.handle, user.email, user.name] where usersByText[text.lowercased()] == nil {
                usersByText[text.lowercased()] = user
            }
            handles[user.handle] = user.id!
            handleByID[user.id!] = user.handle
            if let teamID = user.teamID, let team = teamNames[teamID], user.role == .rep || user.role == .manager {
                teams[team, default: []].append(user.id!)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT owner_id, COUNT(*) AS n FROM lead WHERE stage NOT IN ('won', 'lost') GROUP BY owner_id") {
            openLoads[row["owner_id"]] = row["n"]
        }
    }

    /// The user a file's owner cell names (handle, email or full name), if any.
    func user(named text: String) -> User? { usersByText[text.lowercased()] }
}
