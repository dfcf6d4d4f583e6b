import Foundation
import SalesDeskDomain
import SalesDeskStore

/// A real SQLite file in a fresh temporary folder, removed when the value is released.
public final class TemporaryDatabase: @unchecked Sendable {
    public let directory: URL
    public let path: String
    public let clock: SettableNow
    public let database: AppDatabase

    /// Opens a new database at a fixed instant (default Monday 2026-11-23 10:00 UTC).
    public init(now: Date = utc(2026, 11, 23, 10), configuration: DeskConfiguration = .standard) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("desk.sqlite").path
        clock = SettableNow(now)
        database = try AppDatabase.open(path: path, configuration: configuration, now: clock.now)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
