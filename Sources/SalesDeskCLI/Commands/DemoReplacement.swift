import ArgumentParser
import Foundation
import SalesDeskStore
import TerminalUI

/// What `salesdesk demo --force` may replace: a demo database freely; a real one only when one of its
/// admins asks, after a checked backup; never anything that is not a Sales Desk database file.
enum DemoReplacement {
    /// Checks that `path` may be replaced, backs a real database up, and removes the old files.
    /// Returns the backup's path when one was made.
    static func prepare(_ path: String) throws -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw refusal("\(path) is not a regular file (a link, a device or a folder); it was left alone. Choose another --db.")
        }
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: path, allowReadOnly: true, creatingMissingFile: false)
        } catch let error as StoreError {
            throw refusal("\(path) is not a Sales Desk database that can be replaced (\(error)). It was left alone; choose another --db.")
        }
        var backup: String?
        if try !database.isDemoDatabase() {
            let identity = try CurrentUser.identify(explicit: nil, in: database)
            let user = try database.users().isEmpty ? nil : try CurrentUser.resolve(identity, in: database)
            guard try database.users().isEmpty || user?.role == .admin else {
                throw refusal("""
                    \(path) is a real desk database with \(try database.users().count) users, not a demo: only one of its admins may replace it \
                    (you are \(identity.acting)). Nothing was changed. Choose another --db for the demo.
                    """)
            }
            let copy = path + ".before-demo-\(Int(Date().timeIntervalSince1970))"
            try database.backup(to: copy)
            backup = copy
        }
        try database.writer.close()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        return backup
    }

    private static func refusal(_ text: String) -> ValidationError { ValidationError(TextSanitizer.sanitize(text)) }
}
