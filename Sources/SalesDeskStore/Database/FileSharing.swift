import Foundation
#if canImport(Glibc)
import Glibc
#endif

private typealias group_t = group

/// Who may read and write new database files: only the user (`0600`, folder `0700`), or a team's OS
/// group when `database_group` is configured: `0660` files in a setgid `2770` folder owned by the group,
/// opened under the group's umask (``groupUmask``, set by the CLI), so every file created there — the `-wal` and `-shm` SQLite
/// makes, backups, the damage marker — belongs to the group. Companion files left with another group (a
/// folder made before, or without the setgid bit) are given back to the group by their owner on open;
/// anyone else is told whose they are.
public struct FileSharing {
    let groupID: gid_t?

    /// Looks the group up; an unknown group is refused before any file is made.
    init(group: String?) throws {
        guard let group else {
            groupID = nil
            return
        }
        // getgrnam_r, not getgrnam: its static buffer is not safe while other threads look up groups.
        var entry = group_t()
        var found: UnsafeMutablePointer<group_t>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(group, &entry, &buffer, buffer.count, &found) == 0, found != nil else {
            throw StoreError.cannotCreateDirectory(path: group, detail: "database_group '\(group)' is not a group on this host (see /etc/group)")
        }
        groupID = entry.gr_gid
    }

    /// The umask a desk process sharing the database through a group runs with (the CLI sets it for the
    /// whole process; the store leaves the process's umask alone).
    public static let groupUmask: mode_t = 0o007

    var fileMode: Int { groupID == nil ? 0o600 : 0o660 }
    var directoryMode: Int { groupID == nil ? 0o700 : 0o2770 }

    /// The files SQLite keeps beside a database in WAL mode.
    static let companionSuffixes = ["-wal", "-shm"]

    /// Gives the `-wal` and `-shm` files this account owns to the group (mode `0660`): SQLite creates
    /// them with the creator's group unless the folder is setgid.
    func fixCompanionFiles(of path: String) throws {
        guard let groupID else { return }
        for suffix in Self.companionSuffixes {
            var info = stat()
            guard stat(path + suffix, &info) == 0, info.st_uid == getuid(), info.st_gid != groupID || info.st_mode & 0o660 != 0o660 else { continue }
            try hand(path + suffix, mode: fileMode)
        }
    }

    /// Before opening: fixes what this account can fix, and refuses with a clear message a companion
    /// file it can neither read nor write (another member's file with the wrong group).
    func checkCompanionFiles(of path: String) throws {
        try fixCompanionFiles(of: path)
    }

    /// Why this account cannot use the file or its companions, naming the file and its owner and group.
    func accessProblem(of path: String) -> String? {
        for file in [path] + Self.companionSuffixes.map({ path + $0 }) where FileManager.default.fileExists(atPath: file) {
            guard access(file, R_OK | W_OK) != 0 else { continue }
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let owner = getpwuid(info.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? String(info.st_uid)
            let group = getgrgid(info.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? String(info.st_gid)
            return "\((file as NSString).lastPathComponent) belongs to \(owner):\(group) with mode \(String(info.st_mode & 0o777, radix: 8)), "
                + "which your account cannot use" + (groupID == nil ? "" : " (it should belong to the database group; its owner fixes it by opening the database again, or: chgrp GROUP \(file); chmod 660 \(file))")
        }
        return nil
    }

    func createFile(at path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: fileMode]) else {
            throw StoreError.cannotCreateDirectory(path: path, detail: "cannot create the database file")
        }
        try hand(path, mode: fileMode)
    }

    func createDirectory(at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: directoryMode & 0o777])
        try hand(path, mode: directoryMode)
    }

    /// Gives `path` to the group and sets its mode again (the umask may have narrowed it).
    private func hand(_ path: String, mode: Int) throws {
        guard let groupID else { return }
        guard chown(path, uid_t.max, groupID) == 0, chmod(path, mode_t(mode)) == 0 else {
            throw StoreError.cannotCreateDirectory(path: path, detail: "cannot give it to the database group: \(String(cString: strerror(errno)))")
        }
    }
}
