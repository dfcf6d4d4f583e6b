import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real OS accounts for the trust tests: a group and members, each with a private primary group of their
/// own (as `useradd` makes them), so files they create belong to `name:name` unless the desk fixes that.
///
/// Creating accounts needs root (CI runs as root); elsewhere ``unavailableReason`` says why the tests
/// skip. Names are unique (`sdt` + random hex) and everything is removed when the value is released.
public final class OSTeam: @unchecked Sendable {
    /// The shared group's name.
    public let group: String
    /// The members' account names.
    public let members: [String]

    /// Why accounts cannot be made here, or nil when they can.
    public static var unavailableReason: String? {
        if getuid() != 0 { return "needs root to create OS users and a group (CI runs as root)" }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/bin/setpriv"] where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing"
        }
        return nil
    }

    /// Creates a group and `count` members (plus `outsiders` accounts not in the group).
    public init(members count: Int, outsiders: Int = 0) throws {
        let stem = "sdt" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        group = stem + "g"
        try Self.tool("/usr/sbin/groupadd", [group])
        var made: [String] = []
        for index in 0..<(count + outsiders) {
            let name = stem + "u\(index)"
            try Self.tool("/usr/sbin/useradd", ["-M", "-U", "-s", "/bin/sh"] + (index < count ? ["-G", group] : []) + [name])
            made.append(name)
        }
        members = made
    }

    /// Runs `executable` as `account` (its own groups included), with `environment` only.
    public func start(as account: String, _ executable: String, _ arguments: [String], environment: [String: String]) throws -> ChildProcess {
        try ChildProcess(executable: "/usr/bin/setpriv",
                         arguments: ["--reuid=\(account)", "--regid=\(account)", "--init-groups", "--", executable] + arguments,
                         environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"].merging(environment) { $1 })
    }

    /// Runs `executable` as `account` to the end.
    public func run(as account: String, _ executable: String, _ arguments: [String], environment: [String: String]) throws -> ChildProcess.Result {
        try start(as: account, executable, arguments, environment: environment).finish()
    }

    /// The numeric id of `account`'s user, and of the shared group.
    public func uid(_ account: String) -> uid_t { getpwnam(account)?.pointee.pw_uid ?? 0 }
    public var gid: gid_t { getgrnam(group)?.pointee.gr_gid ?? 0 }

    deinit {
        for name in members {
            try? Self.tool("/usr/sbin/userdel", [name])
            try? Self.tool("/usr/sbin/groupdel", [name])
        }
        try? Self.tool("/usr/sbin/groupdel", [group])
    }

    private static func tool(_ path: String, _ arguments: [String]) throws {
        let result = try ChildProcess.run(path, arguments)
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(path) \(arguments.joined(separator: " ")) failed: \(result.stderr)"])
        }
    }
}
