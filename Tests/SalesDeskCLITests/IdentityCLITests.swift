import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Who a command acts as: the OS account, what environment variables may and may not change, and what
/// someone who is not a desk user may do. Runs the real binary; the tests with other OS accounts create
/// them (as root) and skip elsewhere.
@Suite("Identity from the OS account", .serialized)
struct IdentityCLITests {
    let desk: DeskFixture
    let lead: Lead

    init() throws {
        desk = try DeskFixture()
        lead = try desk.lead()
    }

    private func run(_ arguments: [String], _ extra: [String: String] = [:]) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: [
            "SALESDESK_DB": desk.temporary.path, "XDG_CONFIG_HOME": desk.temporary.directory.path, "SALESDESK_USER": "",
        ].merging(extra) { $1 })
    }

    @Test("an admin acting as a colleague is recorded as 'admin as ana' in the audit log")
    func adminActingAsIsRecorded() throws {
        let moved = try run(["lead", "move", String(lead.id!), "First Contact", "--as", "ana"], ["SALESDESK_USER": "admin"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let newest = try #require(try desk.database.history(of: .lead(lead.id!)).last)
        #expect(newest.userID == desk.rep.id)
        #expect(newest.operatedBy == "admin")
        let log = try run(["audit", "log", "--record", "lead:\(lead.id!)"], ["SALESDESK_USER": "maria"])
        #expect(log.stdout.contains("admin as ana"), "\(log.stdout)")
        #expect(try desk.database.verifyAuditChain().isIntact, "the operator is inside the hash chain")
    }

    @Test("someone who is not a desk user may list the users, and is refused everything else with whom to ask")
    func nonUsersMayOnlyListUsers() throws {
        // The test runs as an OS account (root) that is not a desk user, with no SALESDESK_USER.
        for verb in [["lead", "list"], ["audit", "log"], ["agenda"], ["export", "leads"]] {
            let refused = try run(verb)
            #expect(refused.status != 0, "\(verb) ran for a non-user")
            #expect(refused.stderr.contains("is not a desk user of this database"), "\(verb): \(refused.stderr)")
            #expect(refused.stderr.contains("salesdesk users add"))
        }
        let users = try run(["users", "list"])
        #expect(users.status == 0, "\(users.stderr)")
        #expect(users.stdout.contains("kenji"))
    }

    @Test("demo --force refuses to replace a real database unless an admin asks, and then keeps a backup")
    func demoForceNeedsAnAdmin() throws {
        let refused = try run(["demo", "--force", "--db", desk.temporary.path], ["SALESDESK_USER": "ana"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("only one of its admins may replace it"), "\(refused.stderr)")
        #expect(try desk.database.users().count == 5)
        #expect(try !desk.database.isDemoDatabase())

        let replaced = try run(["demo", "--force", "--db", desk.temporary.path], ["SALESDESK_USER": "admin"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let backup = try #require(replaced.stdout.split(separator: "\n").first { $0.hasPrefix("Kept a backup") }.map { String($0.split(separator: ": ").last!) })
        let saved = try AppDatabase.open(path: backup, allowReadOnly: true, creatingMissingFile: false)
        #expect(try saved.user(handle: "kenji") != nil, "the backup holds the replaced team")
        #expect(try saved.lead(lead.id!)?.contactID != nil)
    }

    @Test("a read verb on a mistyped --db says the file does not exist and creates nothing")
    func readVerbsCreateNothing() throws {
        let missing = desk.temporary.directory.appendingPathComponent("typo/desk.sqlite").path
        let result = try run(["lead", "list", "--db", missing], ["SALESDESK_USER": "ana"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("There is no database at \(missing)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: (missing as NSString).deletingLastPathComponent))
        let emptyHome = try BuiltBinary.run(["agenda"], environment: ["HOME": "", "XDG_DATA_HOME": desk.temporary.directory.appendingPathComponent("nohome").path,
                                                                      "SALESDESK_DB": "", "SALESDESK_USER": "ana"])
        #expect(emptyHome.status != 0)
        #expect(emptyHome.stderr.contains("There is no database"), "\(emptyHome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: desk.temporary.directory.appendingPathComponent("nohome").path))
    }

    @Test("--config naming a missing file is an error, not the defaults")
    func missingConfigFile() throws {
        let result = try run(["lead", "list", "--config", desk.temporary.directory.appendingPathComponent("missing.toml").path], ["SALESDESK_USER": "ana"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("missing.toml: there is no such file"), "\(result.stderr)")
    }
}

/// The same rules with real OS accounts: a rep's account, and a team sharing one database through a group.
@Suite("Identity and sharing with real OS accounts", .serialized,
       .enabled(if: OSTeam.unavailableReason == nil, "skipped: creating OS users and a group needs root (CI runs as root)"))
struct OSAccountTests {
    /// A shared folder for one test: world-traversable, with a config naming `group` as the database group.
    private final class SharedFolder {
        let folder: TemporaryFolder
        var config: String { folder.path("config") }
        init(group: String) throws {
            folder = try TemporaryFolder()
            chmod(folder.url.path, 0o1777)
            try FileManager.default.createDirectory(atPath: folder.path("config/salesdesk"), withIntermediateDirectories: true)
            try "database_group = \"\(group)\"\n".write(toFile: folder.path("config/salesdesk/config.toml"), atomically: true, encoding: .utf8)
            chmod(folder.path("config"), 0o755)
            chmod(folder.path("config/salesdesk"), 0o755)
            chmod(folder.path("config/salesdesk/config.toml"), 0o644)
        }
    }

    private func binary() throws -> String { try #require(BuiltBinary.path) }

    /// Schedulers that have beaten in the database at `path` (read as root, changing nothing).
    private func heartbeats(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scheduler_heartbeat") ?? 0 }
    }

    @Test("a rep's OS account cannot act as an admin by setting USER or SALESDESK_USER, nor backdate with SALESDESK_NOW")
    func environmentNeverRaisesPrivilege() throws {
        let team = try OSTeam(members: 1)
        let account = team.members[0]
        let shared = try SharedFolder(group: team.group)
        var configuration = DeskConfiguration.standard
        configuration.databaseGroup = team.group
        let desk = try DeskFixture(configuration: configuration)
        try desk.database.createUser(User(handle: account, name: "Ana's account", email: "a@example.com", role: .rep), by: desk.admin)
        chown(desk.temporary.directory.path, 0, team.gid)
        chmod(desk.temporary.directory.path, 0o2770)
        let environment = ["SALESDESK_DB": desk.temporary.path, "XDG_CONFIG_HOME": shared.config]

        let viaVariable = try team.run(as: account, binary(), ["users", "add", "mallory", "--name", "Mallory", "--role", "admin"],
                                       environment: environment.merging(["SALESDESK_USER": "admin"]) { $1 })
        #expect(viaVariable.status != 0)
        #expect(viaVariable.stderr.contains("SALESDESK_USER=admin is not honoured"), "\(viaVariable.stderr)")
        let viaUser = try team.run(as: account, binary(), ["users", "add", "mallory", "--name", "Mallory", "--role", "admin"],
                                   environment: environment.merging(["USER": "root", "LOGNAME": "root"]) { $1 })
        #expect(viaUser.status != 0)
        #expect(viaUser.stderr.contains("Not permitted: \(account) (Sales rep)"), "\(viaUser.stderr)")
        #expect(try desk.database.user(handle: "mallory") == nil)

        let backdated = try team.run(as: account, binary(), ["lead", "add", "--name", "Backdated Buyer"],
                                     environment: environment.merging(["SALESDESK_NOW": "2020-01-01T00:00:00Z"]) { $1 })
        #expect(backdated.status == 0, "\(backdated.stderr)")
        #expect(backdated.stderr.contains("SALESDESK_NOW is ignored"))
        let newest = try desk.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(at) FROM audit_entry") ?? 0 }
        #expect(newest > Int64(utc(2026, 1, 1, 0).timeIntervalSince1970), "the audit entry carries the real time, not 2020")
    }

    @Test("a team shares one database through its group: a member reads and writes while another's scheduler runs and after it is killed")
    func teamSharedDatabase() throws {
        let team = try OSTeam(members: 2)
        let (ana, kenji) = (team.members[0], team.members[1])
        let shared = try SharedFolder(group: team.group)
        let path = shared.folder.path("desk/desk.sqlite")
        let environment = ["SALESDESK_DB": path, "XDG_CONFIG_HOME": shared.config]
        func run(_ account: String, _ arguments: String...) throws -> ChildProcess.Result {
            try team.run(as: account, binary(), arguments, environment: environment)
        }
        #expect(try run(ana, "users", "add", ana, "--name", "Ana", "--role", "admin").status == 0)
        #expect(try run(ana, "users", "add", kenji, "--name", "Kenji", "--role", "rep").status == 0)
        var folder = stat()
        stat(shared.folder.path("desk"), &folder)
        #expect(folder.st_gid == team.gid)
        #expect(folder.st_mode & mode_t(S_ISGID) != 0, "the folder is setgid, so new files join the group")

        let scheduler = try team.start(as: ana, binary(), ["scheduler"], environment: environment)
        defer { scheduler.kill() }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: path + "-shm") && Date() < deadline { usleep(50_000) }
        for verb in [["lead", "list"], ["audit", "verify"]] {
            let read = try team.run(as: kenji, binary(), verb, environment: environment)
            #expect(read.status == 0, "\(verb) while ana's scheduler runs: \(read.stderr)")
            #expect(!read.stderr.contains("saved"))
        }
        #expect(try run(kenji, "lead", "add", "--name", "Jo Buyer").status == 0)
        scheduler.kill()
        _ = scheduler.finish()
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            var info = stat()
            stat(path + suffix, &info)
            #expect(info.st_gid == team.gid, "\(suffix) belongs to the team's group")
        }
        let after = try run(kenji, "lead", "list")
        #expect(after.status == 0, "after ana's scheduler was killed: \(after.stderr)")
        #expect(after.stdout.contains("Jo Buyer"))
        #expect(try run(kenji, "lead", "add", "--name", "Sam Buyer").status == 0)

        // A -shm left with ana's own group (a folder made before the setgid bit) while her process holds it:
        // kenji, who only reads, is told whose file it is, not that changes cannot be saved.
        let holder = try team.start(as: ana, binary(), ["scheduler"], environment: environment)
        defer { holder.kill() }
        // Wait until this second scheduler has opened the file (its own heartbeat row), so it cannot fix the group.
        let waitUntil = Date().addingTimeInterval(30)
        while try heartbeats(path) < 2 && Date() < waitUntil { usleep(100_000) }
        chown(path + "-shm", team.uid(ana), getgrnam(ana)!.pointee.gr_gid)
        chmod(path + "-shm", 0o660)
        let refused = try run(kenji, "lead", "list")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("desk.sqlite-shm belongs to \(ana):\(ana)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("saved"), "a reader is not told about saving: \(refused.stderr)")
    }
}
