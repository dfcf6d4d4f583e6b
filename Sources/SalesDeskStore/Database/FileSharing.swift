import Foundation
#if canImport(Glibc)
import Glibc
#endif

private typealias group_t = group

/// Who may read and write new database files: only the user (`0600`, folder `0700`), or a team's OS
/// group (`0660`, folder `0770`, group-owned) when `database_group` is configured. SQLite creates the
/// `-wal` and `-shm` files with the database file's permissions, so they follow.
struct FileSharing {
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

    var fileMode: Int { groupID == nil ? 0o600 : 0o660 }
    var directoryMode: Int { groupID == nil ? 0o700 : 0o770 }

    func createFile(at path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: fileMode]) else {
            throw StoreError.cannotCreateDirectory(path: path, detail: "cannot create the database file")
        }
        try hand(path, mode: fileMode)
    }

    func createDirectory(at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: directoryMode])
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
