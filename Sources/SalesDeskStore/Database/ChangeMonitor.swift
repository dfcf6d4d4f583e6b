import Foundation
import GRDB

/// Tells whether the database changed since the last look — by this process or any other.
///
/// It keeps its own read-only connection and compares SQLite's `PRAGMA data_version`, which
/// changes whenever another connection (in any process) commits. Checking costs microseconds,
/// so the desk asks on every idle tick instead of re-reading tables.
public final class ChangeMonitor: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var lastVersion: Int?

    /// Opens a monitoring connection on the database file at `path`.
    public init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: config)
        lastVersion = try currentVersion()
    }

    /// True when something committed since the previous call (or since `init` for the first call).
    public func hasChanged() throws -> Bool {
        let version = try currentVersion()
        defer { lastVersion = version }
        return version != lastVersion
    }

    private func currentVersion() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
